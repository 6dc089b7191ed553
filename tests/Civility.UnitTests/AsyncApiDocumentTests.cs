using System.Reflection;
using Civility.AsyncApi;
using Civility.Contracts;
using Civility.Contracts.CreditList;
using Civility.Contracts.MoralModels;
using Civility.Contracts.VillagePairing;
using Civility.Contracts.Volunteers;
using Civility.Domain;
using Credit = Civility.CreditList.Domain;
using Moral = Civility.MoralModels.Domain;
using Pairing = Civility.VillagePairing.Domain;
using Volunteer = Civility.Volunteers.Domain;

namespace Civility.UnitTests;

/// <summary>docs/asyncapi.yaml is written from the contracts, and what it allows is what the services send.</summary>
public sealed class AsyncApiDocumentTests
{
    [Fact]
    public void The_document_is_the_one_the_contracts_generate()
    {
        var committed = File.ReadAllText(Path.Combine(ContractTests.RepositoryRoot(), AsyncApiDocument.RelativePath));
        Assert.True(committed == AsyncApiDocument.Generate(),
            $"{AsyncApiDocument.RelativePath} is out of date: run `dotnet run --project tools/Civility.AsyncApi` and commit it.");
    }

    [Fact]
    public void Every_event_type_has_a_channel_and_a_summary_for_partners()
    {
        var document = AsyncApiDocument.Generate();
        var events = typeof(IntegrationEvent).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(IntegrationEvent)));
        Assert.All(events, type => Assert.Contains($"address: '{AsyncApiDocument.ExchangeOf(type)}'", document));
    }

    /// <summary>Each documented set of values and the service enum whose wire names (kebab-case) it must equal.</summary>
    public static TheoryData<Type, string, string[]> WireValues() => new()
    {
        { typeof(CreditSubjectRef), nameof(CreditSubjectRef.Kind), Names<Credit.SubjectKind>() },
        { typeof(SubjectBlacklisted), nameof(SubjectBlacklisted.Tier), Names<Credit.BlackTier>() },
        { typeof(ListingDeadlineRecounted), nameof(ListingDeadlineRecounted.Deadline), Names<Credit.Calendar.DeadlineKind>() },
        { typeof(ListingLifted), nameof(ListingLifted.ListType), Names<Credit.ListType>() },
        {
            typeof(ListingLifted), nameof(ListingLifted.Reason),
            [.. new[] { Credit.EntryStatus.Expired, Credit.EntryStatus.Repaired, Credit.EntryStatus.Revoked }.Select(s => KebabName.Of(s))]
        },
        { typeof(NominationSubmitted), nameof(NominationSubmitted.Category), Names<Moral.NominationCategory>() },
        { typeof(NominationPublicized), nameof(NominationPublicized.Category), Names<Moral.NominationCategory>() },
        { typeof(ModelSelected), nameof(ModelSelected.Category), Names<Moral.NominationCategory>() },
        { typeof(ModelCommended), nameof(ModelCommended.Category), Names<Moral.NominationCategory>() },
        { typeof(PairingActivityCompleted), nameof(PairingActivityCompleted.Category), Names<Pairing.ActivityCategory>() },
        { typeof(CivilizedUnitStatusChanged), nameof(CivilizedUnitStatusChanged.FromStatus), Names<Pairing.TitleStatus>() },
        { typeof(CivilizedUnitStatusChanged), nameof(CivilizedUnitStatusChanged.ToStatus), Names<Pairing.TitleStatus>() },
        { typeof(PairingEstablished), nameof(PairingEstablished.PlaceKind), Names<Pairing.PlaceKind>() },
        { typeof(ServiceHoursApproved), nameof(ServiceHoursApproved.Source), Names<Volunteer.ServiceRecordSource>() },
    };

    [Theory]
    [MemberData(nameof(WireValues))]
    public void Documented_values_are_the_wire_names_of_the_services_enums(Type contract, string property, string[] expected)
    {
        var allowed = AsyncApiDocument.AllowedValues(contract.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!);
        Assert.NotNull(allowed);
        Assert.Equal(expected.Order(StringComparer.Ordinal), allowed.Order(StringComparer.Ordinal));
    }

    private static string[] Names<TEnum>() where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => KebabName.Of(v))];
}
