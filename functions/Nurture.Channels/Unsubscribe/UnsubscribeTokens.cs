using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Unsubscribe;

/// <summary>
/// Issues and verifies one-click unsubscribe tokens: HMAC-SHA256 over (version, channel, issued-at, contact, shop),
/// base64url so they travel in a query string unescaped.
/// </summary>
/// <remarks>
/// Layout before encoding: version (1 byte), channel (1), issued-at Unix seconds (8, big endian), contact id and shop
/// id (each a 2-byte length and UTF-8), then the 32-byte MAC. Structure is checked first (nothing secret), then the
/// MAC against the current and each previous secret with <see cref="CryptographicOperations.FixedTimeEquals"/>,
/// then the age. The caller passes the time; nothing here reads a clock.
/// </remarks>
public sealed class UnsubscribeTokens
{
    /// <summary>The longest contact or shop id a token carries.</summary>
    public const int MaxIdLength = 256;

    private const byte Version = 1;
    private const int MacLength = 32;
    private const int HeaderLength = 1 + 1 + 8;
    private static readonly byte[] Purpose = "nurture-unsubscribe\n"u8.ToArray();

    private readonly byte[] _secret;
    private readonly byte[][] _verificationSecrets;
    private readonly TimeSpan _validity;

    /// <summary>Creates the service from settings.</summary>
    /// <param name="options">The unsubscribe settings.</param>
    /// <exception cref="InvalidOperationException">No usable secret is configured.</exception>
    public UnsubscribeTokens(IOptions<UnsubscribeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (UnsubscribeOptionsValidator.SecretProblem(settings.Secret, UnsubscribeOptions.SectionName + ":Secret") is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        _secret = Encoding.UTF8.GetBytes(settings.Secret!);
        _verificationSecrets = [_secret, .. settings.PreviousSecrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => Encoding.UTF8.GetBytes(s))];
        _validity = settings.Validity;
    }

    /// <summary>How long tokens stay valid.</summary>
    public TimeSpan Validity => _validity;

    /// <summary>Issues a token.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="channel">The channel it unsubscribes from.</param>
    /// <param name="shopId">The shop; null or empty for a single-shop setup.</param>
    /// <param name="now">The issue time.</param>
    public string Issue(string contactId, MessageChannel channel, string? shopId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contactId.Length, MaxIdLength, nameof(contactId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((shopId ?? string.Empty).Length, MaxIdLength, nameof(shopId));
        if (!Enum.IsDefined(channel))
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a channel");
        }

        var contact = Encoding.UTF8.GetBytes(contactId);
        var shop = Encoding.UTF8.GetBytes(shopId ?? string.Empty);
        var token = new byte[HeaderLength + 2 + contact.Length + 2 + shop.Length + MacLength];
        token[0] = Version;
        token[1] = (byte)channel;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(2), now.ToUnixTimeSeconds());
        var at = HeaderLength;
        at = WriteField(token, at, contact);
        at = WriteField(token, at, shop);
        Mac(_secret, token.AsSpan(0, at), token.AsSpan(at));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Verifies a token.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="now">The current time.</param>
    public UnsubscribeTokenVerification Verify(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || !TryDecode(token, out var bytes) || Parse(bytes) is not { } parsed)
        {
            return new UnsubscribeTokenVerification(UnsubscribeTokenStatus.Malformed, null);
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var given = bytes.AsSpan(bytes.Length - MacLength);
        Span<byte> expected = stackalloc byte[MacLength];
        var matched = false;
        foreach (var secret in _verificationSecrets)
        {
            Mac(secret, payload, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        if (!matched)
        {
            return new UnsubscribeTokenVerification(UnsubscribeTokenStatus.BadSignature, null);
        }

        return now - parsed.IssuedAt > _validity
            ? new UnsubscribeTokenVerification(UnsubscribeTokenStatus.Expired, parsed)
            : new UnsubscribeTokenVerification(UnsubscribeTokenStatus.Valid, parsed);
    }

    private static int WriteField(byte[] token, int at, byte[] field)
    {
        BinaryPrimitives.WriteUInt16BigEndian(token.AsSpan(at), (ushort)field.Length);
        field.CopyTo(token, at + 2);
        return at + 2 + field.Length;
    }

    private static void Mac(byte[] secret, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Purpose);
        hmac.AppendData(payload);
        hmac.GetHashAndReset(destination);
    }

    private static bool TryDecode(string token, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(token))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(token);
        return bytes.Length >= HeaderLength + 4 + MacLength;
    }

    private static UnsubscribeToken? Parse(byte[] bytes)
    {
        var end = bytes.Length - MacLength;
        if (bytes[0] != Version || !Enum.IsDefined((MessageChannel)bytes[1]))
        {
            return null;
        }

        var seconds = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(2));
        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || !TryReadField(bytes, HeaderLength, end, out var contact, out var at)
            || !TryReadField(bytes, at, end, out var shop, out at)
            || at != end || contact.Length == 0)
        {
            return null;
        }

        return new UnsubscribeToken(contact, (MessageChannel)bytes[1], shop, DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private static bool TryReadField(byte[] bytes, int at, int end, out string value, out int next)
    {
        value = string.Empty;
        next = at;
        if (at + 2 > end)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at));
        if (at + 2 + length > end)
        {
            return false;
        }

        try
        {
            value = new UTF8Encoding(false, true).GetString(bytes, at + 2, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        next = at + 2 + length;
        return true;
    }
}
