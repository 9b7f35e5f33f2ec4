using Impactkaart.Engine.Calculation;

namespace Impactkaart.Engine.Tests;

public sealed class ProjectRequestJsonTests
{
    [Fact]
    public void A_written_project_file_reads_back_to_the_same_request()
    {
        var request = new ProjectRequest
        {
            ReferenceProject = "budgetcoaching", Name = "Geldzaken \"op orde\" <Noord>", Start = "2026-09-01", Months = "12",
            Participants = "80", StaffHours = "1000", StaffRate = "65", MaterialCost = "25000", Phase = "evaluatie",
        };
        request.Answers["intensiteit"] = "meer";
        request.Measured["kortere-bijstand"] = "1,5";

        var json = ProjectRequestJson.Write(request, Helpers.Shipped.Version);
        var back = ProjectRequestJson.Read(json);

        Assert.True(back.IsValid);
        var r = back.Value!;
        Assert.Equal(Helpers.Shipped.Version, r.ModelVersion);
        Assert.Equal(request.Name, r.Name);
        Assert.Equal(request.Start, r.Start);
        Assert.Equal("1000", r.StaffHours);
        Assert.Equal("65", r.StaffRate);
        Assert.Equal("25000", r.MaterialCost);
        Assert.Null(r.Cost);
        Assert.Equal("meer", r.Answers["intensiteit"]);
        Assert.Equal("1,5", r.Measured["kortere-bijstand"]);
        Assert.True(ProjectRequestValidator.Validate(Helpers.Shipped, r).IsValid);
    }

    [Fact]
    public void A_file_of_another_model_version_reads_but_does_not_validate()
    {
        var back = ProjectRequestJson.Read("""{ "modelVersion": "0.1.0", "referenceProject": "budgetcoaching", "participants": 80, "cost": 90000 }""");

        Assert.True(back.IsValid);
        var validated = ProjectRequestValidator.Validate(Helpers.Shipped, back.Value!);
        Assert.Equal("modelVersion", Assert.Single(validated.Errors).Field);
    }
}
