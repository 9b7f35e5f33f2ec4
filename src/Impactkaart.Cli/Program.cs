return Impactkaart.Cli.CliApp.Run(args, Console.Out, Console.Error);
