using Impactkaart.Engine.Calculation;
using Microsoft.OpenApi;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The project file as the OpenAPI document describes it (the body of POST /api/v1/compute and of the projects), made
/// from <see cref="ProjectFields"/>. The endpoints read the body with ProjectRequestJson, which is the reference:
/// numbers may also be given as strings ("60000"), every field except referenceProject, participants and the costs is
/// optional, and unknown fields are refused by name.
/// </summary>
public static class ApiProjectFile
{
    /// <summary>The schema of a project file; <paramref name="withRevision"/> adds the 'revision' a new version may give instead of If-Match.</summary>
    public static OpenApiSchema Schema(bool withRevision)
    {
        var root = Object("Een project: dezelfde velden als de wizard, het projectbestand van de CLI en /kaart/json. / A project: the same fields as the wizard, the CLI's project file and /kaart/json.");
        foreach (var field in ProjectFields.All)
        {
            var parent = root;
            var name = field.Json;
            if (name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
            {
                var outer = name[..dot];
                if (!root.Properties!.TryGetValue(outer, out var nested))
                {
                    nested = Object("De kosten per soort, in plaats van één totaal 'cost'; personeel ook als uren maal uurtarief. / The costs split by kind, instead of one total 'cost'; staff also as hours times a rate.");
                    root.Properties[outer] = nested;
                }
                parent = (OpenApiSchema)nested;
                name = name[(dot + 1)..];
            }
            parent.Properties![name] = field.IsList
                ? new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Value(field), Description = Describe(field) }
                : Value(field);
        }
        if (withRevision)
        {
            root.Properties!["revision"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Minimum = "1",
                Description = "De revisie waarop deze versie voortbouwt, als If-Match ontbreekt. / The revision this version builds on, when If-Match is not given.",
            };
        }
        root.Required = ProjectFields.Required.Select(f => f.Json).ToHashSet(StringComparer.Ordinal);
        return root;
    }

    private static OpenApiSchema Object(string description) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
    };

    private static OpenApiSchema Value(ProjectField field) => new()
    {
        // A number may also come as text ("90.000"), read by the same Dutch rules as a form.
        Type = field.TakesNumbers ? JsonSchemaType.Number | JsonSchemaType.String : JsonSchemaType.String,
        Format = field.Kind == FieldKind.Date ? "date" : null,
        Description = field.IsList ? null : Describe(field),
    };

    private static string Describe(ProjectField field) => $"{field.Description.Nl} / {field.Description.En}";
}
