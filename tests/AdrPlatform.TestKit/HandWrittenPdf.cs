using System.Globalization;
using System.Text;

namespace AdrPlatform.TestKit;

/// <summary>A PDF written object by object, for files no PDF library would write: numbered objects, a cross-reference table and a trailer.</summary>
public static class HandWrittenPdf
{
    /// <summary>Objects 1..n in order; object 1 is the root. <paramref name="trailerEntries"/> go into the trailer dictionary as they are.</summary>
    public static byte[] Write(string[] objects, string trailerEntries = "")
    {
        ArgumentNullException.ThrowIfNull(objects);
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>(objects.Length);
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailerEntries}>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
