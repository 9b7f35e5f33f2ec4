using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Impactkaart.Tests.Tiers;

/// <summary>
/// What a test needs beyond the test process itself, as an xunit trait: <c>[Trait(Needs.Trait, Needs.Browser)]</c>.
/// <c>./test.sh fast</c> runs every test that carries none of these; <c>./test.sh</c> runs them all.
/// </summary>
public static class Needs
{
    public const string Trait = "Needs";

    /// <summary>Debian's Chromium driven by Playwright.</summary>
    public const string Browser = "Browser";

    /// <summary>The PostgreSQL server that ./test.sh starts.</summary>
    public const string Postgres = "Postgres";

    /// <summary>A child process: the app or the CLI started as a program of its own, pg_dump, pg_restore.</summary>
    public const string Process = "Process";

    /// <summary>Set by <c>./test.sh fast</c> to "fast".</summary>
    public const string TierVariable = "IMPACTKAART_TEST_TIER";

    /// <summary>
    /// Called where a test starts using what it needs (the browser fixture, a child process, a PostgreSQL
    /// database): in the fast tier it fails the test at once, naming the trait it is missing.
    /// </summary>
    public static void Check(string need)
    {
        if (Environment.GetEnvironmentVariable(TierVariable) == "fast")
        {
            throw new InvalidOperationException(
                $"This test needs {need} but ran in the fast tier: give its class [Trait(Needs.Trait, Needs.{need})].");
        }
    }
}

/// <summary>
/// Works out from the compiled tests what each test needs, so that a test whose trait is missing fails the build's
/// tests instead of slipping into the fast tier: a browser when the test (or its fixture, class fixture or
/// collection fixture) reaches Playwright; a process when it reaches Process.Start; PostgreSQL when it makes a
/// <c>PostgresWebApp</c>, passes <c>Store.Postgres</c> to anything, or is a theory with Store.Postgres as data.
/// It follows calls, lambdas and async methods within the test assembly.
/// </summary>
public static class TierPolicy
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every test method whose needs are not all among its "Needs" traits, one line each.</summary>
    public static IReadOnlyList<string> Misclassified(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var analysis = new Analysis(assembly);
        var found = new List<string>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in TestMethods(type))
            {
                var missing = analysis.NeedsOf(type, method).Except(TraitsOf(type, method)).Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    found.Add($"{type.FullName}.{method.Name} needs {string.Join(", ", missing)} but has no [Trait(\"Needs\", ...)] saying so");
                }
            }
        }
        return found;
    }

    /// <summary>What a test method of a class needs, by the rules above (for the policy's own tests).</summary>
    public static IReadOnlySet<string> NeedsOf(Type testClass, string method)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        return new Analysis(testClass.Assembly).NeedsOf(testClass, testClass.GetMethod(method, Declared & ~BindingFlags.DeclaredOnly)!);
    }

    private static IEnumerable<MethodInfo> TestMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.CustomAttributes.Any(a => IsOrDerivesFrom(a.AttributeType, "Xunit.FactAttribute")));

    private static HashSet<string> TraitsOf(Type type, MethodInfo method)
    {
        // xunit reads traits from the method, its class and the class's base classes.
        var sources = new List<MemberInfo> { method };
        for (var t = type; t is not null; t = t.BaseType)
        {
            sources.Add(t);
        }
        return sources
            .SelectMany(s => s.CustomAttributes)
            .Where(a => a.AttributeType.FullName == "Xunit.TraitAttribute"
                && a.ConstructorArguments.Count == 2 && (string?)a.ConstructorArguments[0].Value == Needs.Trait)
            .Select(a => (string)a.ConstructorArguments[1].Value!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsOrDerivesFrom(Type type, string fullName)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.FullName == fullName)
            {
                return true;
            }
        }
        return false;
    }

    private sealed class Analysis(Assembly assembly)
    {
        private readonly Dictionary<MethodBase, HashSet<string>> done = [];

        public HashSet<string> NeedsOf(Type testClass, MethodInfo method)
        {
            var needs = new HashSet<string>(Of(method), StringComparer.Ordinal);
            needs.UnionWith(DataNeeds(method));
            // The class's own set-up and tear-down, in its base classes too.
            for (var t = testClass; t is not null && t.Assembly == assembly; t = t.BaseType)
            {
                foreach (var member in t.GetConstructors(Declared).Cast<MethodBase>()
                    .Concat(t.GetMethods(Declared).Where(m => m.Name is "InitializeAsync" or "Dispose" or "DisposeAsync")))
                {
                    needs.UnionWith(Of(member));
                }
            }
            foreach (var fixture in Fixtures(testClass))
            {
                needs.UnionWith(WholeType(fixture));
            }
            return needs;
        }

        /// <summary>Constructor parameters, class fixtures and the collection's fixtures that live in the test assembly.</summary>
        private IEnumerable<Type> Fixtures(Type testClass)
        {
            var fixtures = testClass.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).ToList();
            fixtures.AddRange(FixtureArguments(testClass, "Xunit.IClassFixture`1"));
            var collection = testClass.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == "Xunit.CollectionAttribute");
            if (collection?.ConstructorArguments is [{ Value: string name }])
            {
                foreach (var definition in assembly.GetTypes().Where(t => t.CustomAttributes.Any(a =>
                    a.AttributeType.FullName == "Xunit.CollectionDefinitionAttribute" && a.ConstructorArguments.Any(v => Equals(v.Value, name)))))
                {
                    fixtures.AddRange(FixtureArguments(definition, "Xunit.ICollectionFixture`1"));
                }
            }
            return fixtures.Where(f => f.Assembly == assembly).Distinct();
        }

        private static IEnumerable<Type> FixtureArguments(Type type, string genericInterface) =>
            type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == genericInterface)
                .Select(i => i.GetGenericArguments()[0]);

        private HashSet<string> WholeType(Type type)
        {
            var needs = new HashSet<string>(StringComparer.Ordinal);
            for (var t = type; t is not null && t.Assembly == assembly; t = t.BaseType)
            {
                foreach (var member in t.GetConstructors(Declared).Cast<MethodBase>().Concat(t.GetMethods(Declared)))
                {
                    needs.UnionWith(Of(member));
                }
            }
            return needs;
        }

        /// <summary>A theory's inline data that names Store.Postgres.</summary>
        private static IEnumerable<string> DataNeeds(MethodInfo method) =>
            method.CustomAttributes
                .Where(a => a.AttributeType.FullName == "Xunit.InlineDataAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(a => a.Value is IEnumerable<CustomAttributeTypedArgument> items ? items : [a])
                .Any(a => IsPostgres(a.ArgumentType, a.Value))
                ? [Needs.Postgres]
                : [];

        private static bool IsPostgres(Type type, object? value) =>
            type is { IsEnum: true, Name: "Store" } && Enum.IsDefined(type, "Postgres")
            && Convert.ToInt64(Enum.Parse(type, "Postgres"), System.Globalization.CultureInfo.InvariantCulture) == Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

        private HashSet<string> Of(MethodBase method)
        {
            if (done.TryGetValue(method, out var known))
            {
                return known;
            }
            var needs = new HashSet<string>(StringComparer.Ordinal);
            done[method] = needs; // a recursive call adds nothing new
            if (method.DeclaringType?.Assembly != assembly)
            {
                needs.UnionWith(Leaf(method));
                return needs;
            }
            if (method.GetCustomAttribute<StateMachineAttribute>() is { } stateMachine
                && stateMachine.StateMachineType.GetMethod("MoveNext", Declared) is { } moveNext)
            {
                needs.UnionWith(Of(moveNext));
            }
            foreach (var (callee, previous) in Calls(method))
            {
                needs.UnionWith(Of(callee));
                if (callee.DeclaringType?.Name == "PostgresWebApp" && callee.IsConstructor)
                {
                    needs.Add(Needs.Postgres);
                }
                if (callee.GetParameters() is [.., var last] && previous is { } constant && IsPostgres(last.ParameterType, constant))
                {
                    needs.Add(Needs.Postgres);
                }
            }
            return needs;
        }

        /// <summary>What a method outside the test assembly needs by itself.</summary>
        private static IEnumerable<string> Leaf(MethodBase method)
        {
            var ns = method.DeclaringType?.Namespace ?? "";
            if (ns.StartsWith("Microsoft.Playwright", StringComparison.Ordinal) || ns.StartsWith("Deque.AxeCore.Playwright", StringComparison.Ordinal))
            {
                yield return Needs.Browser;
            }
            if (method.DeclaringType == typeof(System.Diagnostics.Process) && method.Name == "Start")
            {
                yield return Needs.Process;
            }
        }

        /// <summary>Each method a method calls, makes or takes the address of, with the int constant pushed just before (if any).</summary>
        private static IEnumerable<(MethodBase Callee, int? Previous)> Calls(MethodBase method)
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                yield break;
            }
            var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            int? previous = null;
            var at = 0;
            while (at < il.Length)
            {
                var value = il[at] == 0xFE ? unchecked((short)(0xFE00 | il[at + 1])) : il[at]; // two-byte codes are negative shorts
                at += il[at] == 0xFE ? 2 : 1;
                var code = OpCodesByValue[value];
                int? constant = code.Value switch
                {
                    >= 0x16 and <= 0x1E => code.Value - 0x16, // ldc.i4.0 .. ldc.i4.8
                    0x1F => unchecked((sbyte)il[at]), // ldc.i4.s
                    0x20 => BitConverter.ToInt32(il, at), // ldc.i4
                    _ => null,
                };
                if (code.OperandType == OperandType.InlineMethod)
                {
                    MethodBase? callee = null;
                    try
                    {
                        callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        // A member of a generic it cannot instantiate here: nothing of ours.
                    }
                    if (callee is not null)
                    {
                        yield return (callee, previous);
                    }
                }
                at += code.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                    _ => 4,
                };
                previous = constant;
            }
        }
    }
}
