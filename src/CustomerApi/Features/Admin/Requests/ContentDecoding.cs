using System.IO.Compression;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// An answer's body as the client got it is compressed when it asked for that (UseResponseCompression, outside of which
/// the log sits). For the log it is decoded again: at most <see cref="RequestLog.MaxBodyBytes"/> of it, from the part
/// that was kept.
/// </summary>
public static class ContentDecoding
{
    /// <param name="coding">The answer's <c>Content-Encoding</c>.</param>
    /// <param name="encoded">The encoded body, or (when <paramref name="encodedWhole"/> is false) its beginning.</param>
    /// <param name="encodedWhole">Whether <paramref name="encoded"/> is the whole encoded body.</param>
    /// <returns>The decoded body (or its beginning) and whether it is whole; null for a coding this does not read.</returns>
    public static (byte[] Decoded, bool Whole)? Decode(string coding, ReadOnlySpan<byte> encoded, bool encodedWhole)
    {
        var source = new MemoryStream(encoded.ToArray(), writable: false);
        using Stream? decoder = coding.Trim().ToLowerInvariant() switch
        {
            "gzip" => new GZipStream(source, CompressionMode.Decompress),
            "br" => new BrotliStream(source, CompressionMode.Decompress),
            "deflate" => new ZLibStream(source, CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null)
        {
            return null;
        }

        var decoded = new byte[RequestLog.MaxBodyBytes + 1]; // one byte more than is kept tells whether there was more
        var length = 0;
        try
        {
            int read;
            while (length < decoded.Length && (read = decoder.Read(decoded, length, decoded.Length - length)) > 0)
            {
                length += read;
            }
        }
        catch (InvalidDataException)
        {
            encodedWhole = false; // a cut (or broken) stream: what came out before is still the body's beginning
        }

        var whole = encodedWhole && length <= RequestLog.MaxBodyBytes;
        return (decoded[..Math.Min(length, RequestLog.MaxBodyBytes)], whole);
    }
}
