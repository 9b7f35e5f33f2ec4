using System.Text;

namespace Impactkaart.Reports.Batch;

/// <summary>
/// Reads CSV records (RFC 4180: quoted fields may hold the separator, quotes and line breaks) one at a time from a
/// reader, so a file of any length is never held in memory. Also writes fields the same way.
/// </summary>
internal sealed class CsvRecords(TextReader reader, char separator, int firstLine = 1)
{
    private readonly StringBuilder field = new();

    /// <summary>The file line the last record started on (1 = the first line).</summary>
    public int Line { get; private set; }

    private int nextLine = firstLine;

    /// <summary>The next record, or null at the end of the file.</summary>
    public List<string>? Next()
    {
        var c = reader.Read();
        if (c < 0)
        {
            return null;
        }
        Line = nextLine;
        var fields = new List<string>();
        field.Clear();
        var quoted = false;
        var length = 0;
        while (true)
        {
            // Bounded as read, so one endless line or cell never fills memory.
            if (++length > BatchLimits.MaxLineCharacters)
            {
                throw BatchLimitException.Line(Line);
            }
            if (field.Length > BatchLimits.MaxCellCharacters)
            {
                throw BatchLimitException.Cell(Line);
            }
            if (c < 0)
            {
                fields.Add(field.ToString());
                return fields;
            }
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        nextLine++;
                    }
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }
                nextLine++;
                fields.Add(field.ToString());
                return fields;
            }
            else
            {
                field.Append(ch);
            }
            c = reader.Read();
        }
    }

    /// <summary>The separator of a header line: ';' or ',', whichever occurs more often outside quotes (';' on a tie, as Dutch Excel writes it).</summary>
    public static char DetectSeparator(string headerLine)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var ch in headerLine)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == ';')
            {
                semicolons++;
            }
            else if (!quoted && ch == ',')
            {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    /// <summary>Writes one record; a field with the separator, a quote or a line break is quoted.</summary>
    public static void Write(TextWriter writer, char separator, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var value in fields)
        {
            if (!first)
            {
                writer.Write(separator);
            }
            first = false;
            if (value.AsSpan().IndexOfAny([separator, '"', '\r', '\n']) >= 0)
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(value);
            }
        }
        writer.Write("\r\n");
    }
}
