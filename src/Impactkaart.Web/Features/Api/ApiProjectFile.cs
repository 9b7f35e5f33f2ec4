namespace Impactkaart.Web.Features.Api;

// The project file as the OpenAPI document describes it (the body of POST /api/v1/compute). The endpoint reads the
// body with ProjectRequestJson, which is the reference: numbers may also be given as strings ("60000"), every
// field except referenceProject, participants and the costs is optional, and unknown fields are refused by name.

/// <summary>A project: the same fields as the wizard, the CLI's project file and /kaart/json.</summary>
public sealed record ApiProjectFile(
    string ReferenceProject,
    decimal Participants,
    string? ModelVersion = null,
    string? Name = null,
    string? Start = null,
    decimal? Months = null,
    string? Phase = null,
    decimal? Cost = null,
    ApiProjectCosts? Costs = null,
    decimal? OwnHours = null,
    IReadOnlyDictionary<string, string>? Answers = null,
    IReadOnlyDictionary<string, decimal>? Measured = null,
    decimal? DiscountRate = null,
    decimal? Draws = null,
    decimal? Seed = null);

/// <summary>The costs split by kind, instead of one total 'cost'; staff also as hours times a rate.</summary>
public sealed record ApiProjectCosts(
    decimal? Staff = null,
    decimal? StaffHours = null,
    decimal? StaffRate = null,
    decimal? Volunteers = null,
    decimal? Material = null,
    decimal? Overhead = null);
