namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// The request's body as the endpoint reads it, read through: every read is passed on as it is, and only its count and
/// the first bytes (<see cref="BodyPrefix"/>) are kept, so a body is never buffered whole. What the endpoint does not
/// read (a request refused before its body) is never seen.
/// </summary>
public sealed class RecordedRequestStream(Stream inner) : Stream
{
    private BodyPrefix _read;

    public Stream Inner => inner;

    public long BytesRead => _read.Seen;

    public ReadOnlySpan<byte> Kept => _read.Kept;

    public bool KeptWhole => _read.IsWhole;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _read.Add(buffer[..read], keep: true);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var reading = inner.ReadAsync(buffer, cancellationToken);
        if (!reading.IsCompletedSuccessfully)
        {
            return Awaited(reading, buffer);
        }

        _read.Add(buffer.Span[..reading.Result], keep: true);
        return reading;
    }

    public void ReturnBuffer() => _read.Return();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async ValueTask<int> Awaited(ValueTask<int> reading, Memory<byte> buffer)
    {
        var read = await reading;
        _read.Add(buffer.Span[..read], keep: true);
        return read;
    }
}
