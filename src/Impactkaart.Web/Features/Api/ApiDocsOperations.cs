using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// What an endpoint adds to its own operation in the OpenAPI document. Each of these only changes the document: the
/// endpoints read their bodies and query values themselves, so a wrong content type still gets the endpoint's own
/// problem details (the <c>Accepts</c> metadata would make routing refuse it first, with an empty answer).
/// </summary>
public static class ApiDocsOperations
{
    /// <summary>A required JSON request body: a project file (<see cref="ApiProjectFile"/>), for a new version with its 'revision'.</summary>
    public static RouteHandlerBuilder WithProjectFileBody(this RouteHandlerBuilder builder, bool withRevision = false) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new OpenApiMediaType { Schema = ApiProjectFile.Schema(withRevision) } },
            };
            return Task.CompletedTask;
        });

    /// <summary>A required multipart/form-data body with one file in <paramref name="field"/>, of one of <paramref name="fileTypes"/>.</summary>
    public static RouteHandlerBuilder WithFileUpload(this RouteHandlerBuilder builder, string field, string description, params string[] fileTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var form = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    [field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = description },
                },
                Required = new HashSet<string>(StringComparer.Ordinal) { field },
            };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["multipart/form-data"] = new OpenApiMediaType
                    {
                        Schema = form,
                        Encoding = new Dictionary<string, OpenApiEncoding>(StringComparer.Ordinal) { [field] = new OpenApiEncoding { ContentType = string.Join(", ", fileTypes) } },
                    },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>A 200 answer that is a file (binary) in one of <paramref name="contentTypes"/>, with the answer's own headers.</summary>
    public static RouteHandlerBuilder WithFileResponse(this RouteHandlerBuilder builder, string description, string[] contentTypes,
        IReadOnlyDictionary<string, string>? headers = null) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var response = new OpenApiResponse
            {
                Description = description,
                Content = contentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = Binary() }, StringComparer.Ordinal),
            };
            if (headers is not null)
            {
                response.Headers = headers.ToDictionary(h => h.Key,
                    h => (IOpenApiHeader)new OpenApiHeader { Description = h.Value, Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } }, StringComparer.Ordinal);
            }
            operation.Responses ??= [];
            operation.Responses["200"] = response;
            return Task.CompletedTask;
        });

    /// <summary>A query value the handler reads, limited to <paramref name="choices"/> (the first is the default).</summary>
    public static RouteHandlerBuilder WithQueryChoice(this RouteHandlerBuilder builder, string name, string description, params string[] choices) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            Query(operation, name, description).Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. choices.Select(c => (JsonNode)JsonValue.Create(c))],
                Default = JsonValue.Create(choices[0]),
            };
            return Task.CompletedTask;
        });

    /// <summary>A whole number the handler reads from the query, from <paramref name="minimum"/> up to <paramref name="maximum"/> (if any).</summary>
    public static RouteHandlerBuilder WithQueryRange(this RouteHandlerBuilder builder, string name, string description, int byDefault, int minimum, int? maximum = null) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            Query(operation, name, description).Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = minimum.ToString(CultureInfo.InvariantCulture),
                Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
                Default = JsonValue.Create(byDefault),
            };
            return Task.CompletedTask;
        });

    /// <summary>A text the handler reads from the query, with what it means and an example value.</summary>
    public static RouteHandlerBuilder WithQueryText(this RouteHandlerBuilder builder, string name, string description, string example) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var parameter = Query(operation, name, description);
            parameter.Example = JsonValue.Create(example);
            return Task.CompletedTask;
        });

    /// <summary>
    /// The query parameter the handler's own signature put in the document. Describing one it does not read is a
    /// mistake in the code, so the document fails to build rather than promise a parameter that is ignored.
    /// </summary>
    private static OpenApiParameter Query(OpenApiOperation operation, string name, string description)
    {
        var parameter = operation.Parameters?.OfType<OpenApiParameter>().SingleOrDefault(p => p.In == ParameterLocation.Query && p.Name == name)
            ?? throw new InvalidOperationException($"{operation.OperationId} does not read the query parameter '{name}'.");
        parameter.Description = description;
        return parameter;
    }

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };
}
