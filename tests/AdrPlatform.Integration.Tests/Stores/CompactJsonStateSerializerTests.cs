using System.Text;
using AdrPlatform.Domain.Quotas;
using AdrPlatform.Grains;
using AdrPlatform.Grains.Chat;
using AdrPlatform.Hosting;
using AdrPlatform.Model;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace AdrPlatform.Integration.Tests.Stores;

public class CompactJsonStateSerializerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_tenant_ledger_in_use_round_trips_whole()
    {
        var state = TenantInUse();
        var serializer = new CompactJsonStateSerializer();
        var stored = serializer.Serialize(state);
        var read = serializer.Deserialize<TenantState>(stored);

        Assert.Equal(stored.ToString(), serializer.Serialize(read).ToString());
        Assert.Equal(state.Quotas, read.Quotas);
        Assert.Equal(state.Import, read.Import);
        var ledger = read.Ledger;
        Assert.Equal(state.Ledger.OpenReservations["open"], ledger.OpenReservations["open"]);
        Assert.Equal(0.0026m, ledger.SpentUsd);
        Assert.Equal(1_800, ledger.TokensToday["alice"]);
        Assert.Equal(["settled"], ledger.RecentlySettled);
        Assert.Equal(2, ledger.RequestCounts["alice"].Sum(s => s.Count));
        Assert.Equal(state.Ledger.Day, ledger.Day);

        // Computed properties are not stored.
        Assert.DoesNotContain("ReservedCost", stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LeavesWindowAt", stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chat_session_round_trips_with_its_citations()
    {
        var state = new ChatSessionState { Owner = "ada", Title = "Storage", CreatedAt = T0 };
        state.Messages.Add(new ChatMessageRecord("q", true, "Where are records \"stored\"?", [], T0, null));
        state.Messages.Add(new ChatMessageRecord("a", false, "In PostgreSQL [ADR-0007] and [DOC-x].", [new ChatCitation(7, "Use PostgreSQL"), new ChatCitation(0, "review.pdf", "x")], T0.AddSeconds(2), "stop"));
        var serializer = new CompactJsonStateSerializer();

        var read = serializer.Deserialize<ChatSessionState>(serializer.Serialize(state));

        Assert.Equal("ada", read.Owner);
        Assert.Equal(state.Messages[0].Text, read.Messages[0].Text);
        Assert.Equal<ChatCitation>([.. state.Messages[1].Citations], [.. read.Messages[1].Citations]);
        Assert.Equal("stop", read.Messages[1].FinishReason);
    }

    [Fact]
    public void States_stored_by_the_previous_default_serializer_still_read()
    {
        var previous = new JsonGrainStorageSerializer(new OrleansJsonSerializer(Options.Create(new OrleansJsonSerializerOptions())));
        var state = TenantInUse();
        var storedBefore = previous.Serialize(state);

        var read = CompactJsonStateSerializer.WithFallback(previous).Deserialize<TenantState>(storedBefore)!;

        Assert.Equal(state.Ledger.OpenReservations["open"], read.Ledger.OpenReservations["open"]);
        Assert.Equal(state.Ledger.SpentUsd, read.Ledger.SpentUsd);
        Assert.Equal(state.Quotas, read.Quotas);
    }

    [Fact]
    public void A_corrupt_state_fails_loudly_rather_than_reading_as_empty()
    {
        var serializer = new CompactJsonStateSerializer();
        Assert.ThrowsAny<Exception>(() => serializer.Deserialize<TenantState>(new BinaryData(Encoding.UTF8.GetBytes("{\"Quotas\": \"many\""))));
        Assert.ThrowsAny<Exception>(() => serializer.Deserialize<TenantState>(new BinaryData(Encoding.UTF8.GetBytes("null"))));
    }

    [Fact]
    public void A_tenant_state_stored_with_the_former_number_sequence_still_reads()
    {
        var read = new CompactJsonStateSerializer().Deserialize<TenantState>(new BinaryData(Encoding.UTF8.GetBytes("{\"NextAdrNumber\": 7}")));

        Assert.Equal(QuotaSettings.Default, read.Quotas);
        Assert.Null(read.Import);
    }

    private static TenantState TenantInUse()
    {
        var state = new TenantState { Import = PendingImport.Start("f1ngerpr1nt", 7, T0), Quotas = QuotaSettings.Default with { RequestsPerMinute = 50, MonthlyBudgetUsd = 12.5m } };
        var ledger = state.Ledger;
        var price = new ModelPrice(1m, 2m);
        var quotas = new UserQuotas(100, 5, 100_000);
        var budget = new TenantBudget(100m);
        Accounting.Reserve(ledger, "alice", "settled", 1_000, 1_000, price, quotas, budget, T0, TimeSpan.FromMinutes(5));
        Accounting.Settle(ledger, "settled", 1_000, 800, budget, T0.AddSeconds(3));
        Accounting.Reserve(ledger, "alice", "open", 200, 1_000, price, quotas, budget, T0.AddSeconds(4), TimeSpan.FromMinutes(5));
        return state;
    }
}
