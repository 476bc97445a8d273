using System.Net;
using AdrPlatform.Domain.Egress;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Adapters.Egress;

/// <summary>
/// <see cref="IEgressClient"/> over one <see cref="HttpClient"/> whose every connection is opened by
/// <see cref="PinnedConnector"/>. Redirects are followed here, not by the handler, so each hop passes the same checks
/// as the first URL; the whole fetch runs under <see cref="EgressOptions.TotalTimeout"/>.
/// </summary>
public sealed class GuardedEgressClient : IEgressClient, IDisposable
{
    private readonly EgressOptions _options;
    private readonly EgressPolicies _policies;
    private readonly EgressRefusals _refusals;
    private readonly HttpClient _http;

    public GuardedEgressClient(IOptions<EgressOptions> options, IEgressResolver resolver, ILogger<GuardedEgressClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _policies = new EgressPolicies(_options);
        _refusals = new EgressRefusals(logger);
        if (_options.UnsafeAllowLoopbackForTests)
        {
            logger.LogWarning(
                "Egress:UnsafeAllowLoopbackForTests is on: fetches may reach loopback ports {Ports}. Never set it outside tests.",
                string.Join(',', _options.UnsafeLoopbackTestPorts));
        }

        var gate = new AddressGate(_options.UnsafeAllowLoopbackForTests, _options.UnsafeLoopbackTestPorts.ToHashSet());
        _http = new HttpClient(EgressHandler.Create(new PinnedConnector(resolver, gate, _options.ConnectTimeout)))
        {
            Timeout = Timeout.InfiniteTimeSpan, // the fetch's own deadline covers redirects and the body too
        };
    }

    public async Task<EgressResponse> FetchAsync(EgressRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Tool);
        if (request.MaxResponseBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "MaxResponseBytes must be positive.");
        }

        try
        {
            return await FetchCheckedAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EgressRefusedException refused)
        {
            _refusals.Record(request, refused);
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<EgressResponse> FetchCheckedAsync(EgressRequest request, CancellationToken cancellationToken)
    {
        var policy = _policies.For(request.Tenant, request.Tool);
        var maxBytes = Math.Min(_options.MaxResponseBytes, request.MaxResponseBytes ?? long.MaxValue);
        var url = policy.Admit(request.Url);
        var redirects = new List<Uri>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.TotalTimeout);
        try
        {
            while (true)
            {
                if (redirects.Contains(url.Address))
                {
                    throw new EgressRefusedException(EgressRefusalReason.RedirectLoop, url.Host, $"the redirects lead back to a URL of {url.Host} already visited");
                }

                using var response = await SendAsync(url, deadline.Token).ConfigureAwait(false);
                if (RedirectLocation(response, url) is not { } location)
                {
                    return await ReadAsync(url, redirects, response, maxBytes, deadline.Token).ConfigureAwait(false);
                }

                if (redirects.Count == _options.MaxRedirects)
                {
                    throw new EgressRefusedException(EgressRefusalReason.TooManyRedirects, url.Host, $"more than {_options.MaxRedirects} redirects");
                }

                redirects.Add(url.Address);
                url = policy.Admit(location, url.Address);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EgressRefusedException(EgressRefusalReason.TimedOut, url.Host, $"the fetch from {url.Host} took longer than {_options.TotalTimeout}");
        }
        catch (HttpRequestException error)
        {
            throw RefusalWithin(error) ?? Unreachable(url, error.HttpRequestError.ToString());
        }
        catch (IOException error)
        {
            throw RefusalWithin(error) ?? Unreachable(url, "the connection broke");
        }
    }

    private Task<HttpResponseMessage> SendAsync(EgressUrl url, CancellationToken cancellationToken)
    {
        // HTTP/1.1 only: HTTP/3 would run over QUIC, which does not go through the pinned connector.
        var message = new HttpRequestMessage(HttpMethod.Get, url.Address)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        return SendOwnedAsync(message, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOwnedAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using (message)
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The raw Location of a redirect (resolved against the current URL by the policy), or null for any other response.</summary>
    private static string? RedirectLocation(HttpResponseMessage response, EgressUrl url)
    {
        if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
            || !response.Headers.NonValidated.TryGetValues("Location", out var values))
        {
            return null;
        }

        return values.Count == 1
            ? values.ToString()
            : throw new EgressRefusedException(EgressRefusalReason.MalformedUrl, url.Host, $"a redirect from {url.Host} has {values.Count} locations");
    }

    private async Task<EgressResponse> ReadAsync(EgressUrl url, List<Uri> redirects, HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        if (_options.AllowedContentTypes.Count > 0
            && (mediaType is null || !_options.AllowedContentTypes.Any(pattern => MediaTypePattern.Matches(pattern, mediaType))))
        {
            throw new EgressRefusedException(
                EgressRefusalReason.ContentTypeNotAllowed, url.Host, $"the media type {mediaType ?? "(none)"} from {url.Host} is not allowed");
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw BoundedBody.TooLarge(url.Host, maxBytes);
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var bytes = await BoundedBody.ReadAsync(body, maxBytes, url.Host, cancellationToken).ConfigureAwait(false);
            return new EgressResponse((int)response.StatusCode, url.Address, redirects, mediaType, HeadersOf(response), bytes);
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            headers[name] = [.. values];
        }

        return headers;
    }

    private static EgressRefusedException? RefusalWithin(Exception error)
    {
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is EgressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static EgressRefusedException Unreachable(EgressUrl url, string what) =>
        new(EgressRefusalReason.Unreachable, url.Host, $"{url.Host} could not be fetched ({what})");
}
