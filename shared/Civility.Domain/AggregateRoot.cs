namespace Civility.Domain;

/// <summary>Something that happened to an aggregate, recorded by the aggregate itself as it changed.</summary>
public interface IDomainEvent;

/// <summary>
/// An entity that records what happens to it. Whoever saves it does not announce anything: the events it recorded
/// are taken when it is saved (and published, those another service may react to, in the same transaction).
/// </summary>
public abstract class AggregateRoot
{
    private List<IDomainEvent>? _domainEvents;

    /// <summary>Recorded since the aggregate was loaded or last saved, oldest first.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents ?? (IReadOnlyList<IDomainEvent>)[];

    protected void Record(IDomainEvent domainEvent) => (_domainEvents ??= []).Add(domainEvent);

    /// <summary>Hands over what was recorded, once: the save that writes it takes it.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var taken = DomainEvents;
        _domainEvents = null;
        return taken;
    }
}
