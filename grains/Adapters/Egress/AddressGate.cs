using System.Net;
using System.Net.Sockets;
using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Adapters.Egress;

/// <summary>
/// Lets a connection go to public addresses only; with the test allowance on, also to plain loopback (127.0.0.0/8,
/// ::1, not its IPv4-mapped form) on the listed ports.
/// </summary>
internal sealed class AddressGate(bool allowLoopbackForTests, IReadOnlySet<int> loopbackTestPorts)
{
    public void Check(string host, IPAddress address, int port)
    {
        var category = AddressClassifier.Classify(address.GetAddressBytes());
        if (category == AddressCategory.Public || IsAllowedTestServer(category, address, port))
        {
            return;
        }

        throw new EgressRefusedException(
            EgressRefusalReason.AddressNotAllowed, host, $"{host} leads to {address} ({category}), not a public address");
    }

    private bool IsAllowedTestServer(AddressCategory category, IPAddress address, int port) =>
        allowLoopbackForTests
        && category == AddressCategory.Loopback
        && (address.AddressFamily == AddressFamily.InterNetwork || address.Equals(IPAddress.IPv6Loopback))
        && loopbackTestPorts.Contains(port);
}
