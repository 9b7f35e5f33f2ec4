using Impactkaart.Engine.Calculation;

namespace Impactkaart.Tests;

/// <summary>
/// Example projects made from <see cref="ProjectFields"/>, shared by the test projects (linked into each), so every
/// round trip covers a field as soon as it is in the table.
/// </summary>
internal static class FieldExamples
{
    /// <summary>Text for every field, by its kind, without regard to validity (costs as a total and by category at once).</summary>
    public static ProjectRequest EveryField()
    {
        var request = new ProjectRequest();
        foreach (var field in ProjectFields.All)
        {
            if (field.IsList)
            {
                request.ListOf(field)["eerste"] = TextFor(field, 1);
                request.ListOf(field)["tweede"] = TextFor(field, 2);
            }
            else
            {
                request[field] = TextFor(field, 0);
            }
        }
        return request;
    }

    /// <summary>A value of the field's kind, different for each field (and each <paramref name="variant"/>), as a user would type it.</summary>
    public static string TextFor(ProjectField field, int variant)
    {
        ArgumentNullException.ThrowIfNull(field);
        var n = ProjectFields.All.ToList().IndexOf(field) + 1 + (variant * 40);
        return field.Kind switch
        {
            FieldKind.Date => $"2026-{1 + (n % 12):00}-01",
            FieldKind.Whole => $"{n}",
            FieldKind.Money => $"{n}.250,5",
            FieldKind.Hours => $"{n}50",
            FieldKind.Decimal => $"{n},25",
            _ => $"tekst-{field.Json}-{variant}",
        };
    }

    /// <summary>
    /// A budget coaching evaluation that gives every field a valid value (costs by category, staff as hours times a
    /// rate); <paramref name="withTotal"/> gives the costs as one total instead. A field added to the table without an
    /// example here fails every test that uses it, with its name.
    /// </summary>
    public static ProjectRequest Valid(string modelVersion, bool withTotal = false)
    {
        var request = new ProjectRequest
        {
            ModelVersion = modelVersion, ReferenceProject = "budgetcoaching", Name = "Geld op orde Noord", Start = "2026-09-01", Months = "18",
            Phase = "evaluatie", Participants = "80", OwnHours = "900", DiscountRate = "4", Draws = "500", Seed = "7",
        };
        if (withTotal)
        {
            request.Cost = "90.000";
        }
        else
        {
            (request.StaffHours, request.StaffRate, request.VolunteerCost, request.MaterialCost, request.OverheadCost) = ("1000", "65", "2500", "4000", "6000");
        }
        request.Answers["intensiteit"] = "meer";
        request.Measured["kortere-bijstand"] = "1,5";
        // Costs are one choice (a total, an amount for staff, or hours times a rate): the others stay empty on purpose.
        var alternatives = withTotal ? ProjectFields.Costs.Where(f => f != ProjectFields.Cost) : [ProjectFields.Cost, ProjectFields.StaffCost];
        var missing = ProjectFields.All.Except(alternatives).Where(f => f.IsList ? request.ListOf(f).Count == 0 : request[f] is null).ToList();
        return missing.Count == 0
            ? request
            : throw new InvalidOperationException($"Give {string.Join(", ", missing)} a valid example in FieldExamples.Valid.");
    }

    /// <summary>The fields (and list entries) of two requests that differ, as "field: a ≠ b"; empty when they hold the same.</summary>
    public static IReadOnlyList<string> Differences(ProjectRequest expected, ProjectRequest actual, Func<ProjectField, bool>? only = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        foreach (var field in ProjectFields.All.Where(only ?? (_ => true)))
        {
            if (field.IsList)
            {
                var (a, b) = (expected.ListOf(field), actual.ListOf(field));
                foreach (var key in a.Keys.Union(b.Keys))
                {
                    if (a.GetValueOrDefault(key) != b.GetValueOrDefault(key))
                    {
                        differences.Add($"{field.Json}.{key}: {a.GetValueOrDefault(key)} ≠ {b.GetValueOrDefault(key)}");
                    }
                }
            }
            else if (expected[field] != actual[field])
            {
                differences.Add($"{field.Json}: {expected[field]} ≠ {actual[field]}");
            }
        }
        return differences;
    }
}
