using System.Buffers;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// How many bytes of a body went by, and the first <see cref="RequestLog.MaxBodyBytes"/> of them in a pooled buffer
/// rented at the first byte kept. A mutable struct: hold it in a field and call it there, never through a copy.
/// </summary>
public struct BodyPrefix
{
    private byte[]? _buffer;
    private int _kept;

    public long Seen { get; private set; }

    public readonly ReadOnlySpan<byte> Kept => _buffer.AsSpan(0, _kept);

    /// <summary>Whether <see cref="Kept"/> is every byte that went by.</summary>
    public readonly bool IsWhole => _kept == Seen;

    public void Add(ReadOnlySpan<byte> bytes, bool keep)
    {
        Seen += bytes.Length;
        if (!keep || bytes.IsEmpty || _kept == RequestLog.MaxBodyBytes)
        {
            return;
        }

        _buffer ??= ArrayPool<byte>.Shared.Rent(RequestLog.MaxBodyBytes);
        var taken = Math.Min(bytes.Length, RequestLog.MaxBodyBytes - _kept);
        bytes[..taken].CopyTo(_buffer.AsSpan(_kept));
        _kept += taken;
    }

    public void Return()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
            _kept = 0;
        }
    }
}
