using System.Text;
using AdrPlatform.Errors;
using AdrPlatform.Ports;

namespace AdrPlatform.Integration.Tests.Stores;

/// <summary>What every <see cref="IBlobStore"/> adapter must do; each adapter's test class derives from this.</summary>
public abstract class BlobStoreContract
{
    // SHA-256 of the ASCII bytes "abc".
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    protected abstract IBlobStore Store { get; }

    private static string NewTenant() => "b" + Guid.NewGuid().ToString("N")[..12];

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_put_blob_reads_back_with_its_media_type_bytes_and_digest()
    {
        var tenant = NewTenant();
        await Store.PutAsync(tenant, "upload-1", "text/plain", Bytes("abc"), default);

        var blob = await Store.GetAsync(tenant, "upload-1", default);
        Assert.NotNull(blob);
        Assert.Equal("text/plain", blob.MediaType);
        Assert.Equal(Bytes("abc"), blob.Content.ToArray());
        Assert.Equal(AbcSha256, blob.Sha256);
        Assert.Null(await Store.GetAsync(tenant, "upload-2", default));
    }

    [Fact]
    public async Task Putting_the_same_bytes_again_is_a_no_op_even_concurrently()
    {
        var tenant = NewTenant();
        var content = new byte[300_000];
        new Random(7).NextBytes(content);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Store.PutAsync(tenant, "big", "application/pdf", content, default)));
        await Store.PutAsync(tenant, "big", "application/pdf", content, default);

        Assert.Equal(content, (await Store.GetAsync(tenant, "big", default))!.Content.ToArray());
    }

    [Fact]
    public async Task Different_bytes_under_an_existing_id_are_refused_and_the_original_is_kept()
    {
        var tenant = NewTenant();
        await Store.PutAsync(tenant, "doc", "text/plain", Bytes("abc"), default);

        var error = await Assert.ThrowsAsync<AdrPlatformException>(() => Store.PutAsync(tenant, "doc", "text/plain", Bytes("abd"), default));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal(Bytes("abc"), (await Store.GetAsync(tenant, "doc", default))!.Content.ToArray());
    }

    [Fact]
    public async Task A_deleted_blob_is_gone_and_its_id_can_be_used_again()
    {
        var tenant = NewTenant();
        await Store.PutAsync(tenant, "doc", "text/plain", Bytes("first"), default);
        await Store.DeleteAsync(tenant, "doc", default);
        await Store.DeleteAsync(tenant, "doc", default);
        await Store.DeleteAsync(tenant, "never-existed", default);
        Assert.Null(await Store.GetAsync(tenant, "doc", default));

        await Store.PutAsync(tenant, "doc", "text/markdown", Bytes("second"), default);
        Assert.Equal("text/markdown", (await Store.GetAsync(tenant, "doc", default))!.MediaType);
    }

    [Fact]
    public async Task Tenants_never_see_or_touch_each_others_blobs()
    {
        var mine = NewTenant();
        var theirs = NewTenant();
        await Store.PutAsync(mine, "shared-id", "text/plain", Bytes("mine"), default);

        Assert.Null(await Store.GetAsync(theirs, "shared-id", default));
        await Store.PutAsync(theirs, "shared-id", "text/plain", Bytes("theirs"), default);
        await Store.DeleteAsync(theirs, "shared-id", default);

        Assert.Equal(Bytes("mine"), (await Store.GetAsync(mine, "shared-id", default))!.Content.ToArray());
    }

    [Theory]
    [InlineData("'; drop table blobs; --", "text/plain'); delete from blobs; --")]
    [InlineData("../../etc/passwd", "application/octet-stream")]
    [InlineData("数据库 ü \\ % _", "")]
    public async Task Hostile_ids_and_media_types_are_only_data(string blobId, string mediaType)
    {
        var tenant = NewTenant();
        await Store.PutAsync(tenant, blobId, mediaType, ReadOnlyMemory<byte>.Empty, default);

        var blob = await Store.GetAsync(tenant, blobId, default);
        Assert.NotNull(blob);
        Assert.Equal(mediaType, blob.MediaType);
        Assert.True(blob.Content.IsEmpty);
        Assert.Null(await Store.GetAsync(tenant, "%", default));
    }
}
