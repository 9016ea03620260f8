namespace Interop.Cli.Output;

/// <summary>
/// Aligned columns written as rows arrive, so a list of any length streams: each
/// column has a fixed width chosen for its content (numbers are 18 characters), a
/// longer value pushes the rest of its row. The header is written before the first row.
/// </summary>
internal sealed class TableWriter(TextWriter output, params (string Header, int Width)[] columns)
{
    private bool headerWritten;

    public void Row(params string[] values)
    {
        if (!headerWritten)
        {
            headerWritten = true;
            Write(columns.Select(c => c.Header).ToArray());
        }

        Write(values);
    }

    private void Write(string[] values)
    {
        var line = new System.Text.StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            var last = i == values.Length - 1;
            line.Append(last ? values[i] : values[i].PadRight(columns[i].Width) + "  ");
        }

        output.WriteLine(line.ToString().TrimEnd());
    }
}
