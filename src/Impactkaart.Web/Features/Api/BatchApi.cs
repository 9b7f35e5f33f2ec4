using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Reports.Batch;
using Impactkaart.Engine.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// POST /api/v1/batch: a CSV or Excel file with one project per row (the columns of `impactkaart batch`) as a
/// multipart upload in the field "file"; the answer is the results file (CSV or Excel by ?format=), one row per
/// input row with the figures or the errors of that row. Anonymous, like /api/v1/compute: nothing is stored and
/// nothing of an organisation is read. Without Monte Carlo by default (?draws=N for a range per row).
/// Rows computed and rows with errors are also given in the headers Impactkaart-Computed and Impactkaart-Bad-Rows.
/// </summary>
public static class BatchApi
{
    public const int MaxUploadBytes = 20 * 1024 * 1024;
    public const string FileField = "file";

    /// <summary>Anonymous callers share the server: a whole file with Monte Carlo per row is bounded (the CLI has no such bound).</summary>
    public const int MaxDraws = 1_000;
    public const string ComputedHeader = "Impactkaart-Computed";
    public const string BadRowsHeader = "Impactkaart-Bad-Rows";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapBatchApi(this RouteGroupBuilder group)
    {
        group.MapPost("/batch", HandleAsync)
            .AllowOtherSites()
            .WithName("Batch")
            .WithSummary("Reken een CSV- of Excelbestand met projecten door, één kaart per rij / Compute a CSV or Excel file of projects, one map per row")
            .WithDescription("Stuur een .csv-bestand (UTF-8, ';' of ',') of een .xlsx-bestand als multipart/form-data in het veld 'file', hooguit 20 MB. "
                + "Kolommen: naam, referentieproject, start, maanden, fase, deelnemers, kosten (of personeel/uren/uurtarief/vrijwilligers/materiaal/overhead), "
                + "eigenuren, discontovoet, a.<vraag>, m.<uitkomst>. Het antwoord heeft één rij per ingelezen rij; een rij met fouten noemt die in de laatste kolom, "
                + "en elke goede rij wordt toch uitgerekend. Zonder sleutel: er wordt niets opgeslagen. / "
                + "Upload a .csv (UTF-8, ';' or ',') or .xlsx file as multipart/form-data in the field 'file', at most 20 MB. Columns: naam, referentieproject, "
                + "start, maanden, fase, deelnemers, kosten (or personeel/uren/uurtarief/vrijwilligers/materiaal/overhead), eigenuren, discontovoet, "
                + "a.<question>, m.<outcome> (English names such as referenceProject and participants are accepted). The answer holds one row per input row; "
                + "bad rows carry their errors in the last column while every good row is still computed. No key: nothing is stored. "
                + $"Grenzen / Limits: hooguit / at most {BatchLimits.MaxRows} rijen / rows, {BatchLimits.MaxCellCharacters} tekens per cel / characters per cell, {BatchLimits.MaxLineCharacters} tekens per CSV-regel / characters per CSV line, "
                + $"van .xlsx alleen het eerste blad, de kolommen die de batch kent (kop: de eerste {BatchLimits.MaxColumns}) en {BatchLimits.MaxXlsxPartBytes / (1024 * 1024)} MB uitgepakt per onderdeel / "
                + $"of .xlsx only the first sheet, the columns the batch knows (header: the first {BatchLimits.MaxColumns}) and {BatchLimits.MaxXlsxPartBytes / (1024 * 1024)} MB unpacked per part; "
                + $"antwoord hooguit / answer at most {BatchLimits.MaxAnswerBytes / (1024 * 1024)} MB, rekentijd hooguit / computing time at most {BatchLimits.ApiTimeBudget.TotalSeconds} s. "
                + $"413: een grens overschreden / a limit broken ('limit', 'limitValue'); 422: de rekentijd is op / the computing time ran out ('limit': 'timeBudgetSeconds'); "
                + "503: de server stopt / the server is shutting down.")
            .WithTags("Batch")
            .WithFileUpload(FileField, "Het CSV- (.csv) of Excelbestand (.xlsx) met één project per rij, hooguit 20 MB. / The CSV (.csv) or Excel (.xlsx) file with one project per row, at most 20 MB.",
                "text/csv", XlsxType)
            .WithQueryChoice("format", "Het formaat van het antwoord. / The format of the answer.", "csv", "xlsx")
            .WithQueryRange("draws", "Trekkingen per project voor de Monte Carlo-bandbreedte; 0 = zonder. / Draws per project for the Monte Carlo range; 0 = none.", byDefault: 0, minimum: 0, maximum: MaxDraws)
            .WithFileResponse("Het resultatenbestand: één rij per ingelezen rij. / The results file: one row per input row.", ["text/csv", XlsxType],
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [ComputedHeader] = "Aantal uitgerekende rijen. / Number of rows computed.",
                    [BadRowsHeader] = "Aantal rijen met fouten. / Number of rows with errors.",
                })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + 64 * 1024))
            .DisableAntiforgery();
        return group;
    }

    private static async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(HttpContext context, ImpactModel model,
        IHostApplicationLifetime lifetime, string? format, string? draws, CancellationToken cancel)
    {
        var request = context.Request;
        var language = ApiLanguage.Of(request);
        ValidationProblem Invalid(string field, string nl, string en) => ApiProblems.Invalid([new FieldError(field, new Text(nl, en))], language);

        var outputFormat = (format ?? "csv").Trim().ToUpperInvariant() switch
        {
            "CSV" => BatchFormat.Csv,
            "XLSX" => (BatchFormat?)BatchFormat.Xlsx,
            _ => null,
        };
        if (outputFormat is null)
        {
            return Invalid("format", $"Onbekend formaat '{format}': kies csv of xlsx.", $"Unknown format '{format}': choose csv or xlsx.");
        }
        var simulation = ProjectRequestValidator.ValidateSimulation(model, new ProjectRequest { Draws = draws ?? "0" });
        if (!simulation.IsValid)
        {
            return ApiProblems.Invalid(simulation.Errors, language);
        }
        if (simulation.Value!.Draws > MaxDraws)
        {
            return Invalid("draws", $"Een batch via de API rekent met hooguit {MaxDraws} trekkingen per project; gebruik voor meer de opdracht 'impactkaart batch'.",
                $"A batch through the API computes with at most {MaxDraws} draws per project; for more use the command 'impactkaart batch'.");
        }
        if (request.ContentLength > MaxUploadBytes)
        {
            return ApiProblems.TooLarge(language, MaxUploadBytes);
        }
        if (!request.HasFormContentType)
        {
            return Invalid(FileField, "Stuur het bestand als multipart/form-data in het veld 'file'.", "Send the file as multipart/form-data in the field 'file'.");
        }
        IFormFile? upload;
        try
        {
            upload = (await request.ReadFormAsync(cancel)).Files.GetFile(FileField);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.TooLarge(language, MaxUploadBytes);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or FormatException)
        {
            // Garbage or a body cut off part way (no closing boundary, a broken header): the caller's mistake, never a 500.
            return Invalid(FileField, "Het formulier kon niet worden gelezen; stuur het bestand als multipart/form-data in het veld 'file'.",
                "The form could not be read; send the file as multipart/form-data in the field 'file'.");
        }
        if (upload is null || upload.Length == 0)
        {
            return Invalid(FileField, "Stuur een CSV- of Excelbestand in het veld 'file'.", "Send a CSV or Excel file in the field 'file'.");
        }
        if (upload.Length > MaxUploadBytes)
        {
            return ApiProblems.TooLarge(language, MaxUploadBytes);
        }
        if (BatchSource.FormatOf(upload.FileName) is not { } inputFormat)
        {
            var extension = Path.GetExtension(upload.FileName);
            return Invalid(FileField, string.Format(Invariant, BatchTexts.UnknownFormat.Nl, extension), string.Format(Invariant, BatchTexts.UnknownFormat.En, extension));
        }

        // The upload is copied to a file of its own first: the batch reads synchronously, row by row, and never from the request.
        // Both temporary files are removed however the work ends (the answer's file when the answer has been sent).
        var input = TemporaryFile();
        FileStream? output = null;
        try
        {
            await using (var copy = upload.OpenReadStream())
            {
                await copy.CopyToAsync(input, cancel);
            }
            input.Position = 0;
            var source = BatchSource.Open(input, inputFormat);
            if (source.Limit is { } limit)
            {
                return Refused(language, limit, source.Problem!);
            }
            if (source.Problem is { } problem || source.Missing.Count > 0)
            {
                var missing = string.Join(", ", source.Missing);
                var message = source.Problem ?? new Text(string.Format(Invariant, BatchTexts.MissingColumns.Nl, missing), string.Format(Invariant, BatchTexts.MissingColumns.En, missing));
                var invalid = ApiProblems.Invalid([new FieldError(FileField, message)], language);
                if (source.Missing.Count > 0)
                {
                    // The missing columns also as a list, for a program that builds its file from it.
                    invalid.ProblemDetails.Extensions["missingColumns"] = source.Missing;
                }
                return invalid;
            }
            output = TemporaryFile();
            BatchSummary summary;
            // The work stops when the caller goes away, when the app shuts down, and after the time budget (checked per row).
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, lifetime.ApplicationStopping))
            {
                stop.CancelAfter(BatchLimits.ApiTimeBudget);
                try
                {
                    summary = BatchRun.Execute(source, new BatchComputer(model, simulation.Value!, source.Columns), new AnswerStream(output),
                        outputFormat.Value, language, cancel: stop.Token);
                }
                catch (BatchLimitException e)
                {
                    return e.Limit is null ? ApiProblems.Invalid([new FieldError(FileField, e.Problem)], language) : Refused(language, e.Limit, e.Problem);
                }
                catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !cancel.IsCancellationRequested)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: language == Language.En ? "The server is shutting down" : "De server wordt gestopt",
                        detail: language == Language.En ? "Send the file again in a moment." : "Stuur het bestand zo dadelijk opnieuw.");
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                        title: language == Language.En ? "The file takes too long" : "Het bestand kost te veel tijd",
                        detail: BatchLimits.TooSlow[language],
                        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["limit"] = "timeBudgetSeconds", ["limitValue"] = (long)BatchLimits.ApiTimeBudget.TotalSeconds });
                }
            }
            output.Position = 0;
            context.Response.Headers[ComputedHeader] = summary.Computed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers[BadRowsHeader] = summary.BadRows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var name = $"{Path.GetFileNameWithoutExtension(upload.FileName)}-{(language == Language.En ? "results" : "resultaten")}";
            var answer = output;
            output = null; // now the answer's: closed (and so removed) once it has been sent
            return outputFormat == BatchFormat.Xlsx
                ? TypedResults.File(answer, XlsxType, name + ".xlsx")
                : TypedResults.File(answer, "text/csv; charset=utf-8", name + ".csv");
        }
        finally
        {
            await input.DisposeAsync();
            if (output is not null)
            {
                await output.DisposeAsync();
            }
        }
    }

    /// <summary>A file that breaks one of <see cref="BatchLimits"/>: 413 naming the limit (also as 'limit' and 'limitValue').</summary>
    private static ProblemHttpResult Refused(Language language, string limit, Text problem) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: language == Language.En ? "The file is outside the limits of a batch" : "Het bestand valt buiten de grenzen van een batch",
        detail: problem[language],
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["limit"] = limit, ["limitValue"] = LimitValue(limit) });

    private static long? LimitValue(string limit) => limit switch
    {
        "maxRows" => BatchLimits.MaxRows,
        "maxCellCharacters" => BatchLimits.MaxCellCharacters,
        "maxLineCharacters" => BatchLimits.MaxLineCharacters,
        "maxXlsxPartBytes" => BatchLimits.MaxXlsxPartBytes,
        "maxAnswerBytes" => BatchLimits.MaxAnswerBytes,
        _ => null,
    };

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>A file removed when closed; the result is streamed from it after the whole batch has been written.</summary>
    private static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), $"impactkaart-batch-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            1 << 16, FileOptions.DeleteOnClose);

    /// <summary>The answer's file, refusing to grow beyond <see cref="BatchLimits.MaxAnswerBytes"/> (a million bad rows once made 295 MB).</summary>
    private sealed class AnswerStream(FileStream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (inner.Position + buffer.Length > BatchLimits.MaxAnswerBytes)
            {
                throw BatchLimitException.Answer();
            }
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => inner.SetLength(value);
    }
}
