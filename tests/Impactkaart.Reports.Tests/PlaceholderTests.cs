namespace Impactkaart.Reports.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void The_reports_assembly_loads()
    {
        Assert.Equal("Impactkaart.Reports", typeof(Placeholder).Assembly.GetName().Name);
    }
}
