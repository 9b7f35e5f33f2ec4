using System.Net.Mail;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// Sends the account emails (password reset, invitation). With <c>Mail:Smtp:Host</c> set it sends by SMTP; without
/// it, each email is written as an .eml file to <c>Mail:PickupFolder</c> (default App_Data/mail), where an
/// administrator (or a test) can read it. From: <c>Mail:From</c>.
/// </summary>
public sealed class Mail(IConfiguration configuration, IHostEnvironment environment, ILogger<Mail> logger)
{
    public string PickupFolder => Path.GetFullPath(configuration["Mail:PickupFolder"] ?? Path.Combine(environment.ContentRootPath, "App_Data", "mail"));

    /// <summary>No SMTP server is set: emails are written to <see cref="PickupFolder"/>.</summary>
    public bool UsesPickupFolder => string.IsNullOrEmpty(configuration["Mail:Smtp:Host"]);

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        // A subject is one header line: a line break in a name saved before names were checked must not stop the mail.
        var oneLine = string.Concat(subject.Select(c => char.IsControl(c) ? ' ' : c));
        using var message = new MailMessage(configuration["Mail:From"] ?? "impactkaart@localhost", to, oneLine, body);
        using var client = new SmtpClient();
        if (configuration["Mail:Smtp:Host"] is { Length: > 0 } host)
        {
            client.Host = host;
            client.Port = configuration.GetValue("Mail:Smtp:Port", 587);
            client.EnableSsl = configuration.GetValue("Mail:Smtp:Ssl", true);
            if (configuration["Mail:Smtp:User"] is { Length: > 0 } user)
            {
                client.Credentials = new System.Net.NetworkCredential(user, configuration["Mail:Smtp:Password"]);
            }
        }
        else
        {
            await WriteToPickupFolderAsync(client, message, cancellationToken).ConfigureAwait(false);
            return;
        }
        await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Email to {To} sent by SMTP", to);
        }
    }

    /// <summary>
    /// Writes the email as an .eml file readable by the app's user only (0600): written into a private folder of its
    /// own first, then moved into the pickup folder, so it never appears there readable by others or half written.
    /// The recipient is logged at Debug only: an address is personal data.
    /// </summary>
    private async Task WriteToPickupFolderAsync(SmtpClient client, MailMessage message, CancellationToken cancellationToken)
    {
        var folder = PickupFolder;
        Directory.CreateDirectory(folder);
        var writing = Path.Combine(folder, ".writing-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(writing);
        }
        else
        {
            Directory.CreateDirectory(writing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = writing;
            await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
            foreach (var file in Directory.GetFiles(writing))
            {
                Impactkaart.Web.Data.PrivateFiles.Restrict(file);
                File.Move(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }
        finally
        {
            Directory.Delete(writing, recursive: true);
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Email written to {Folder} (no SMTP server set: Mail:Smtp:Host)", folder);
        }
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Email to {To} written to {Folder}", message.To.ToString(), folder);
        }
    }
}
