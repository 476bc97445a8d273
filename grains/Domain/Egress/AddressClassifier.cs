namespace AdrPlatform.Domain.Egress;

/// <summary>
/// Sorts an IP address (its 4 or 16 network-order bytes) by where it leads, after the IANA special-purpose registries.
/// IPv6 that embeds an IPv4 address is judged by the IPv4 address where the embedding is a plain translation the
/// operating system or a NAT64 gateway performs (::ffff:0:0/96, 64:ff9b::/96), so ::ffff:127.0.0.1 is loopback.
/// Tunnel embeddings (6to4, Teredo, IPv4-compatible) are refused whole: their IPv4 end is a relay or obfuscated,
/// and no web host needs them.
/// </summary>
public static class AddressClassifier
{
    public static AddressCategory Classify(ReadOnlySpan<byte> address) => address.Length switch
    {
        4 => ClassifyV4(address),
        16 => ClassifyV6(address),
        _ => throw new ArgumentException($"An IP address has 4 or 16 bytes, not {address.Length}.", nameof(address)),
    };

    private static AddressCategory ClassifyV4(ReadOnlySpan<byte> a) => (a[0], a[1], a[2]) switch
    {
        (0, _, _) => AddressCategory.Unspecified,
        (10, _, _) => AddressCategory.Private,
        (100, var b, _) when (b & 0xC0) == 64 => AddressCategory.SharedAddressSpace,
        (127, _, _) => AddressCategory.Loopback,
        (169, 254, _) => AddressCategory.LinkLocal,
        (172, var b, _) when (b & 0xF0) == 16 => AddressCategory.Private,
        (192, 0, 0) => AddressCategory.Reserved,
        (192, 0, 2) or (198, 51, 100) or (203, 0, 113) => AddressCategory.Documentation,
        (192, 88, 99) => AddressCategory.Reserved, // the retired 6to4 relay anycast
        (192, 168, _) => AddressCategory.Private,
        (198, var b, _) when (b & 0xFE) == 18 => AddressCategory.Reserved, // benchmarking
        (var first, _, _) when first is >= 224 and <= 239 => AddressCategory.Multicast,
        (255, 255, 255) when a[3] == 255 => AddressCategory.Broadcast,
        (>= 240, _, _) => AddressCategory.Reserved,
        _ => AddressCategory.Public,
    };

    private static AddressCategory ClassifyV6(ReadOnlySpan<byte> a)
    {
        if (a[..10].IndexOfAnyExcept((byte)0) < 0)
        {
            return (a[10], a[11]) switch
            {
                (0xFF, 0xFF) => ClassifyV4(a[12..]),
                (0, 0) when a[12..15].IndexOfAnyExcept((byte)0) < 0 && a[15] is 0 => AddressCategory.Unspecified,
                (0, 0) when a[12..15].IndexOfAnyExcept((byte)0) < 0 && a[15] is 1 => AddressCategory.Loopback,
                (0, 0) => AddressCategory.Tunnel, // IPv4-compatible, deprecated
                _ => AddressCategory.Reserved,
            };
        }

        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B)
        {
            return a[4..12].IndexOfAnyExcept((byte)0) < 0
                ? ClassifyV4(a[12..]) // NAT64 well-known prefix: the gateway connects to the embedded address
                : AddressCategory.Reserved; // 64:ff9b:1::/48, local-use translators we cannot vet
        }

        return (a[0], a[1], a[2], a[3]) switch
        {
            (var first, _, _, _) when (first & 0xFE) == 0xFC => AddressCategory.Private,
            (0xFE, var second, _, _) when (second & 0xC0) == 0x80 => AddressCategory.LinkLocal,
            (0xFE, var second, _, _) when (second & 0xC0) == 0xC0 => AddressCategory.SiteLocal,
            (0xFF, _, _, _) => AddressCategory.Multicast,
            (0x20, 0x01, 0x0D, 0xB8) => AddressCategory.Documentation,
            (0x3F, 0xFF, var third, _) when (third & 0xF0) == 0 => AddressCategory.Documentation,
            (0x20, 0x01, 0x00, 0x00) => AddressCategory.Tunnel, // Teredo
            (0x20, 0x02, _, _) => AddressCategory.Tunnel, // 6to4
            (0x20, 0x01, var third, _) when (third & 0xFE) == 0 => AddressCategory.Reserved, // IETF protocol assignments
            (var first, _, _, _) when (first & 0xE0) != 0x20 => AddressCategory.Reserved, // outside global unicast
            _ => AddressCategory.Public,
        };
    }
}
