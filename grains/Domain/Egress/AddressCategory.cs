namespace AdrPlatform.Domain.Egress;

/// <summary>Where an IP address leads; only <see cref="Public"/> is fetched from.</summary>
public enum AddressCategory
{
    Public,

    /// <summary>0.0.0.0/8, ::/128: "this host", which connects to the local machine.</summary>
    Unspecified,

    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,

    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16) and IPv6 unique-local fc00::/7.</summary>
    Private,

    /// <summary>169.254/16 (cloud metadata at 169.254.169.254) and fe80::/10.</summary>
    LinkLocal,

    /// <summary>Deprecated IPv6 site-local fec0::/10.</summary>
    SiteLocal,

    /// <summary>Carrier-grade NAT, 100.64/10.</summary>
    SharedAddressSpace,

    /// <summary>224/4, ff00::/8.</summary>
    Multicast,

    /// <summary>255.255.255.255.</summary>
    Broadcast,

    /// <summary>TEST-NET-1/2/3, 2001:db8::/32, 3fff::/20.</summary>
    Documentation,

    /// <summary>IPv6 that carries an IPv4 address we cannot vet: 6to4 (2002::/16), Teredo (2001::/32), IPv4-compatible (::/96).</summary>
    Tunnel,

    /// <summary>Every other special-purpose block: 192.0.0/24, 198.18/15, 240/4, the rest of 2001::/23, outside 2000::/3, …</summary>
    Reserved,
}
