using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Holds back the bodies of a race's requests until every request has been sent and is waiting for its body, then lets
/// them all go at once: the service has routed and authenticated every racer before any of them reaches the handler,
/// so the racers meet in the handler rather than arriving one after another.
/// </summary>
public sealed class StartingLine(int racers)
{
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    /// <summary>A JSON body that is written only once all <c>racers</c> bodies are waiting.</summary>
    public HttpContent Json(object body) => new HeldContent(JsonSerializer.SerializeToUtf8Bytes(body), this);

    /// <summary>Lets the bodies go even if some request never got as far as its body (it then runs late, not never).</summary>
    public void GoAfter(TimeSpan patience) => _ = Task.Delay(patience).ContinueWith(_ => _go.TrySetResult(), TaskScheduler.Default);

    private Task ArriveAsync()
    {
        if (Interlocked.Increment(ref _waiting) == racers)
        {
            _go.TrySetResult();
        }

        return _go.Task;
    }

    private sealed class HeldContent : HttpContent
    {
        private readonly byte[] _json;
        private readonly StartingLine _line;

        public HeldContent(byte[] json, StartingLine line)
        {
            (_json, _line) = (json, line);
            Headers.ContentType = new MediaTypeHeaderValue("application/json", Encoding.UTF8.WebName);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await _line.ArriveAsync();
            await stream.WriteAsync(_json);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _json.Length;
            return true;
        }
    }
}
