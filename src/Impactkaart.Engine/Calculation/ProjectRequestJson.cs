using System.Text.Json;

namespace Impactkaart.Engine.Calculation;

/// <summary>
/// Reads a project file (JSON, the field names of <see cref="ProjectRequest"/> in camelCase) into a
/// <see cref="ProjectRequest"/>. Values may be numbers or strings; null means "not given". Unknown fields, wrong
/// shapes and malformed JSON come back as <see cref="FieldError"/>s naming the field (or the line), never as an
/// exception. The values themselves are checked later by <see cref="ProjectRequestValidator"/>.
/// </summary>
public static class ProjectRequestJson
{
    /// <summary>The field of the error reported for JSON that cannot be read at all.</summary>
    public const string DocumentField = "$";

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    /// <summary>The names at the top of a file: each field, with the nested ones under their object ("costs").</summary>
    private static readonly string[] TopFields = ProjectFields.All.Select(f => Top(f.Json)).Distinct().ToArray();

    private static readonly string[] CostFields = ProjectFields.All.Where(f => Top(f.Json) == ProjectFields.CostsObject).Select(f => Inner(f.Json)).ToArray();

    /// <summary>Reads <paramref name="json"/>; the errors name each field with its JSON path (e.g. "costs.staff").</summary>
    public static Validated<ProjectRequest> Read(string json) => Read(json, null);

    /// <summary>
    /// Reads <paramref name="json"/> once; a top-level name that is no project field goes to <paramref name="other"/>
    /// first (e.g. an API body's 'revision'), which returns false when it does not know the name either.
    /// </summary>
    public static Validated<ProjectRequest> Read(string json, Func<string, JsonElement, bool>? other)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are zero-based; people count from one.
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            return Fail(DocumentField,
                $"Het bestand is geen geldige JSON: fout op regel {line}, positie {column}. Controleer aanhalingstekens, komma's en haakjes rond die plek.",
                $"The file is not valid JSON: error on line {line}, position {column}. Check quotes, commas and brackets around that place.");
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement, other);
            }
            catch (InvalidOperationException)
            {
                // Half a surrogate pair escaped in a field's name: valid JSON, but no text to read.
                return Fail(DocumentField,
                    "Het bestand bevat een teken dat niet bestaat (een losse \\uD800-\\uDFFF); haal het weg.",
                    "The file contains a character that does not exist (a lone \\uD800-\\uDFFF); remove it.");
            }
        }
    }

    /// <summary>
    /// Writes a request as a project file that <see cref="Read(string)"/> reads back to the same request, stamped
    /// with <paramref name="modelVersion"/>. Values are written as the user typed them (strings); empty ones are left out.
    /// </summary>
    public static string Write(ProjectRequest request, string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("modelVersion", modelVersion);
            string? open = null;
            foreach (var field in ProjectFields.All.Where(f => f != ProjectFields.ModelVersion))
            {
                var top = Top(field.Json);
                if (open is not null && top != open)
                {
                    json.WriteEndObject();
                    open = null;
                }
                if (field.IsList)
                {
                    var values = request.ListOf(field);
                    if (values.Count > 0)
                    {
                        json.WriteStartObject(field.Json);
                        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
                        {
                            json.WriteString(key, value);
                        }
                        json.WriteEndObject();
                    }
                    continue;
                }
                if (string.IsNullOrWhiteSpace(request[field]))
                {
                    continue;
                }
                if (top != field.Json && open is null)
                {
                    json.WriteStartObject(top);
                    open = top;
                }
                json.WriteString(Inner(field.Json), request[field]);
            }
            if (open is not null)
            {
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads an already parsed JSON value (it must be an object); see <see cref="Read(string, Func{string, JsonElement, bool}?)"/> for <paramref name="other"/>.</summary>
    public static Validated<ProjectRequest> Read(JsonElement root, Func<string, JsonElement, bool>? other = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(DocumentField, $"Het bestand moet één JSON-object zijn ({{ ... }}), geen {KindNl(root.ValueKind)}.",
                $"The file must hold one JSON object ({{ ... }}), not {KindEn(root.ValueKind)}.");
        }
        var request = new ProjectRequest();
        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (!seen.Add(name))
            {
                errors.Add(Error(name, $"Het veld '{name}' komt twee keer voor; geef het één keer.", $"The field '{name}' appears twice; give it once."));
                continue;
            }
            if (name == ProjectFields.CostsObject)
            {
                ReadCosts(value, request, errors);
            }
            else if (ProjectFields.ByJson(name) is { } field)
            {
                if (field.IsList)
                {
                    ReadMap(value, name, request.ListOf(field), errors, field.TakesNumbers);
                }
                else
                {
                    request[field] = Scalar(value, name, errors, field.TakesNumbers);
                }
            }
            else if (other is null || !other(name, value))
            {
                errors.Add(Unknown(name, name, TopFields));
            }
        }
        return errors.Count > 0 ? Validated.Fail<ProjectRequest>(errors) : Validated.Ok(request);
    }

    private static void ReadCosts(JsonElement value, ProjectRequest request, List<FieldError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Error("costs", $"Het veld 'costs' moet een object zijn met {string.Join(", ", CostFields)}, bijvoorbeeld {{ \"staff\": 60000 }}; het is nu {KindNl(value.ValueKind)}.",
                $"The field 'costs' must be an object with {string.Join(", ", CostFields)}, for example {{ \"staff\": 60000 }}; it is now {KindEn(value.ValueKind)}."));
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var field = "costs." + property.Name;
            if (!seen.Add(property.Name))
            {
                errors.Add(Error(field, $"Het veld '{field}' komt twee keer voor; geef het één keer.", $"The field '{field}' appears twice; give it once."));
                continue;
            }
            if (ProjectFields.ByJson(field) is { } known)
            {
                request[known] = Scalar(property.Value, field, errors, known.TakesNumbers);
            }
            else
            {
                errors.Add(Unknown(property.Name, field, CostFields));
            }
        }
    }

    private static void ReadMap(JsonElement value, string field, Dictionary<string, string?> target, List<FieldError> errors, bool numbers)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            var (exampleNl, exampleEn) = numbers
                ? ("{ \"<uitkomst>\": 1.5 }", "{ \"<outcome>\": 1.5 }")
                : ("{ \"<vraag>\": \"<antwoord>\" }", "{ \"<question>\": \"<option>\" }");
            errors.Add(Error(field, $"Het veld '{field}' moet een object zijn, zoals {exampleNl}; het is nu {KindNl(value.ValueKind)}.",
                $"The field '{field}' must be an object, like {exampleEn}; it is now {KindEn(value.ValueKind)}."));
            return;
        }
        foreach (var property in value.EnumerateObject())
        {
            var key = $"{field}.{property.Name}";
            if (target.ContainsKey(property.Name))
            {
                errors.Add(Error(key, $"Het veld '{key}' komt twee keer voor; geef het één keer.", $"The field '{key}' appears twice; give it once."));
                continue;
            }
            target[property.Name] = Scalar(property.Value, key, errors, numbers);
        }
    }

    /// <summary>A string, or a number written as invariant text; null for JSON null; an error for any other shape.</summary>
    private static string? Scalar(JsonElement value, string field, List<FieldError> errors, bool numbers = true)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                try
                {
                    return value.GetString();
                }
                catch (InvalidOperationException)
                {
                    // Valid JSON can escape half a surrogate pair ("\ud800"), which is no text at all.
                    errors.Add(Error(field, $"Het veld '{field}' bevat een teken dat niet bestaat (een losse \\uD800-\\uDFFF); haal het weg.",
                        $"The field '{field}' contains a character that does not exist (a lone \\uD800-\\uDFFF); remove it."));
                    return null;
                }
            case JsonValueKind.Number when numbers:
                // A number like 9e4 becomes "90000", and 1.125 "1.1250" (not the amount 1125), so the validator reads
                // the number the file holds as it reads typed text.
                return value.TryGetDecimal(out var d) ? NumberText.Write(d) : value.GetRawText();
            default:
                var expectedNl = numbers ? "een getal of een tekst" : "een tekst";
                var expectedEn = numbers ? "a number or a string" : "a string";
                errors.Add(Error(field, $"Het veld '{field}' moet {expectedNl} zijn; het is nu {KindNl(value.ValueKind)}.",
                    $"The field '{field}' must be {expectedEn}; it is now {KindEn(value.ValueKind)}."));
                return null;
        }
    }

    private static string Top(string json) => json.Split('.')[0];

    private static string Inner(string json) => json[(json.LastIndexOf('.') + 1)..];

    private static FieldError Unknown(string name, string field, string[] allowed)
    {
        var close = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        var hintNl = close is null ? "" : $" Bedoelt u '{close}'?";
        var hintEn = close is null ? "" : $" Did you mean '{close}'?";
        var list = string.Join(", ", allowed);
        return Error(field, $"Het veld '{field}' is onbekend.{hintNl} Mogelijke velden: {list}.", $"The field '{field}' is unknown.{hintEn} Possible fields: {list}.");
    }

    private static string KindNl(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "een object",
        JsonValueKind.Array => "een lijst",
        JsonValueKind.String => "een tekst",
        JsonValueKind.Number => "een getal",
        JsonValueKind.True or JsonValueKind.False => "waar/onwaar (true/false)",
        _ => "leeg (null)",
    };

    private static string KindEn(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "empty (null)",
    };

    private static Validated<ProjectRequest> Fail(string field, string nl, string en) => Validated.Fail<ProjectRequest>([Error(field, nl, en)]);

    private static FieldError Error(string field, string nl, string en) => new(field, new Text(nl, en));
}
