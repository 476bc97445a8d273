using System.Net;
using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Domain.Tests.Egress;

public class AddressClassifierTests
{
    [Theory]
    [InlineData("0.0.0.0", AddressCategory.Unspecified)]
    [InlineData("0.1.2.3", AddressCategory.Unspecified)]
    [InlineData("10.0.0.1", AddressCategory.Private)]
    [InlineData("172.16.0.1", AddressCategory.Private)]
    [InlineData("172.31.255.255", AddressCategory.Private)]
    [InlineData("192.168.1.1", AddressCategory.Private)]
    [InlineData("100.64.0.1", AddressCategory.SharedAddressSpace)]
    [InlineData("100.127.255.254", AddressCategory.SharedAddressSpace)]
    [InlineData("127.0.0.1", AddressCategory.Loopback)]
    [InlineData("127.255.0.9", AddressCategory.Loopback)]
    [InlineData("169.254.169.254", AddressCategory.LinkLocal)]
    [InlineData("192.0.0.8", AddressCategory.Reserved)]
    [InlineData("192.0.2.1", AddressCategory.Documentation)]
    [InlineData("198.51.100.7", AddressCategory.Documentation)]
    [InlineData("203.0.113.9", AddressCategory.Documentation)]
    [InlineData("192.88.99.1", AddressCategory.Reserved)]
    [InlineData("198.18.0.1", AddressCategory.Reserved)]
    [InlineData("224.0.0.1", AddressCategory.Multicast)]
    [InlineData("239.255.255.250", AddressCategory.Multicast)]
    [InlineData("240.0.0.1", AddressCategory.Reserved)]
    [InlineData("255.255.255.255", AddressCategory.Broadcast)]
    [InlineData("::", AddressCategory.Unspecified)]
    [InlineData("::1", AddressCategory.Loopback)]
    [InlineData("::ffff:127.0.0.1", AddressCategory.Loopback)]
    [InlineData("::ffff:169.254.169.254", AddressCategory.LinkLocal)]
    [InlineData("::ffff:10.1.2.3", AddressCategory.Private)]
    [InlineData("::127.0.0.1", AddressCategory.Tunnel)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressCategory.LinkLocal)]
    [InlineData("64:ff9b::7f00:1", AddressCategory.Loopback)]
    [InlineData("64:ff9b:1::5db8:d822", AddressCategory.Reserved)]
    [InlineData("2002:7f00:1::1", AddressCategory.Tunnel)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", AddressCategory.Tunnel)]
    [InlineData("2001:2::1", AddressCategory.Reserved)]
    [InlineData("2001:db8::1", AddressCategory.Documentation)]
    [InlineData("3fff::1", AddressCategory.Documentation)]
    [InlineData("fc00::1", AddressCategory.Private)]
    [InlineData("fd12:3456::1", AddressCategory.Private)]
    [InlineData("fe80::1", AddressCategory.LinkLocal)]
    [InlineData("febf::1", AddressCategory.LinkLocal)]
    [InlineData("fec0::1", AddressCategory.SiteLocal)]
    [InlineData("ff02::1", AddressCategory.Multicast)]
    [InlineData("100::1", AddressCategory.Reserved)]
    [InlineData("4000::1", AddressCategory.Reserved)]
    public void Special_purpose_addresses_are_not_public(string address, AddressCategory expected) =>
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address).GetAddressBytes()));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.169.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("64:ff9b::5db8:d822")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_are_public(string address) =>
        Assert.Equal(AddressCategory.Public, AddressClassifier.Classify(IPAddress.Parse(address).GetAddressBytes()));

    [Fact]
    public void Only_four_or_sixteen_bytes_are_an_address() =>
        Assert.Throws<ArgumentException>(() => AddressClassifier.Classify(new byte[5]));
}
