using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerApi.Features.Admin.Requests;

/// <summary>
/// The answer's body on its way to the client, through the writer or the stream (<see cref="IHttpResponseBodyFeature"/>):
/// every byte is passed on to the server's own body as it is and counted, and the first ones are kept when the status
/// is a 4xx. The writer adds no buffer of its own: it hands out the server's memory and copies only what it keeps.
/// </summary>
public sealed class RecordedResponseBody(IHttpResponseBodyFeature inner, HttpResponse response) : PipeWriter, IHttpResponseBodyFeature
{
    private BodyPrefix _written;
    private Memory<byte> _handedOut;
    private Stream? _stream;

    public IHttpResponseBodyFeature Inner => inner;

    public long BytesWritten => _written.Seen;

    public ReadOnlySpan<byte> Kept => _written.Kept;

    public bool KeptWhole => _written.IsWhole;

    Stream IHttpResponseBodyFeature.Stream => _stream ??= new RecordedResponseStream(this, inner.Stream);

    PipeWriter IHttpResponseBodyFeature.Writer => this;

    public override bool CanGetUnflushedBytes => inner.Writer.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.Writer.UnflushedBytes;

    void IHttpResponseBodyFeature.DisableBuffering() => inner.DisableBuffering();

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken) =>
        SendFileFallback.SendFileAsync(((IHttpResponseBodyFeature)this).Stream, path, offset, count, cancellationToken);

    Task IHttpResponseBodyFeature.CompleteAsync() => inner.CompleteAsync();

    public override Memory<byte> GetMemory(int sizeHint = 0) => _handedOut = inner.Writer.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        Passed(_handedOut.Span[..bytes]);
        _handedOut = default;
        inner.Writer.Advance(bytes);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Passed(source.Span);
        return inner.Writer.WriteAsync(source, cancellationToken);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.Writer.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => inner.Writer.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Writer.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.Writer.CompleteAsync(exception);

    public void ReturnBuffer() => _written.Return();

    /// <summary>Bytes on their way to the client (from the writer or the stream).</summary>
    internal void Passed(ReadOnlySpan<byte> bytes) =>
        _written.Add(bytes, keep: response.StatusCode is >= StatusCodes.Status400BadRequest and < StatusCodes.Status500InternalServerError);
}
