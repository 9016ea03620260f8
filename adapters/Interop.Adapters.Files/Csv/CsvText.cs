using System.Text;

namespace Interop.Adapters.Files.Csv;

/// <summary>
/// Reads an export's bytes as text: UTF-8 when they are valid UTF-8 (with or without a BOM),
/// otherwise Windows-1252, the code page of the French Windows ERPs that write these exports.
/// </summary>
public static class CsvText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvText()
    {
        // .NET itself knows only the Unicode encodings; the code pages ship with the runtime but need registering.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Windows-1252.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="encodingName"/> says which encoding was detected.</summary>
    public static string Decode(byte[] bytes, out string encodingName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var start = bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            var text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            encodingName = "utf-8";
            return text;
        }
        catch (DecoderFallbackException)
        {
            // Any byte sequence is valid Windows-1252, and an accented letter of it is never valid UTF-8.
            encodingName = "windows-1252";
            return Windows1252.GetString(bytes);
        }
    }

    /// <summary>The separator of a header line: <c>;</c> or <c>,</c>, whichever appears more (<c>;</c> on a tie).</summary>
    public static char DetectSeparator(string headerLine)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        return headerLine.Count(c => c == ',') > headerLine.Count(c => c == ';') ? ',' : ';';
    }

    /// <summary>Splits one line into fields: fields may be quoted with <c>"</c>, a quote inside doubled (RFC 4180, one line per record).</summary>
    public static List<string> Split(string line, char separator)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
