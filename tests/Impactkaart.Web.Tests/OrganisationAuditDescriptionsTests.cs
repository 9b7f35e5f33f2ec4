using System.Text.RegularExpressions;
using Impactkaart.Web.Features.OrganisationAdmin;
using Impactkaart.Web.Features.Shared;

namespace Impactkaart.Web.Tests;

/// <summary>Every action code that a feature writes to the audit log has a plain Dutch description on the log page.</summary>
public sealed partial class OrganisationAuditDescriptionsTests
{
    [Fact]
    public void Every_audit_code_written_anywhere_in_the_app_has_a_description()
    {
        var source = Path.Combine(BrowserFixture.RepositoryRoot, "src", "Impactkaart.Web");
        var codes = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => AuditCall().Matches(File.ReadAllText(file)).Select(m => m.Groups["code"].Value))
            .Concat(typeof(AuditCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!))
            .Distinct()
            .ToList();

        // The accounts codes and at least the project and share codes of the other features are seen.
        Assert.Contains("member.removed", codes);
        Assert.Contains("share.revoked", codes);
        var undescribed = codes.Where(code => !AuditDescriptions.IsKnown(code)).ToList();
        Assert.True(undescribed.Count == 0, "Add a description to AuditDescriptions for: " + string.Join(", ", undescribed));
    }

    /// <summary>audit.Add(who, organisation, "some.code", ...): the code as a string literal.</summary>
    [GeneratedRegex("""audit\.Add\([^;]*?"(?<code>[a-z]+\.[a-z.-]+)"\s*,""")]
    private static partial Regex AuditCall();
}
