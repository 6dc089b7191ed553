using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Civility.Contracts;

namespace Civility.Testing;

/// <summary>
/// One instance of any contract type, every field filled with a value of its type (a string with allowed values takes
/// the first; a decimal has a fraction; a list has two items), so that its serialized form shows every field.
/// </summary>
public static class SampleEvents
{
    public static IReadOnlyList<Type> EventTypes { get; } = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(IntegrationEvent))).OrderBy(t => t.FullName).ToList();

    public static IntegrationEvent Create(Type eventType) => (IntegrationEvent)Instance(eventType);

    private static object Instance(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var instance = constructor.Invoke([.. constructor.GetParameters().Select(Value)]);
        // Properties beyond the positional ones (added within a version) are filled too, so their wire form shows.
        foreach (var property in type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && p.DeclaringType == type
                     && constructor.GetParameters().All(parameter => parameter.Name != p.Name)))
            property.SetValue(instance, Value(property.PropertyType, property.GetCustomAttribute<AllowedValuesAttribute>()));
        return instance;
    }

    private static object? Value(ParameterInfo parameter) => parameter.HasDefaultValue
        ? parameter.DefaultValue
        : Value(parameter.ParameterType, parameter.GetCustomAttribute<AllowedValuesAttribute>());

    private static object? Value(Type type, AllowedValuesAttribute? allowed)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return allowed is null ? "样例 sample" : (string)allowed.Values[0]!;
        if (type == typeof(Guid)) return Guid.CreateVersion7();
        if (type == typeof(int)) return 2027;
        if (type == typeof(long)) return 9_000_000_001L;
        if (type == typeof(decimal)) return 3.25m;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateOnly)) return new DateOnly(2027, 1, 4);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2027, 1, 4, 9, 30, 0, TimeSpan.FromHours(8));
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = type.GetGenericArguments()[0];
            var list = Array.CreateInstance(item, 2);
            list.SetValue(Value(item, null), 0);
            list.SetValue(Value(item, null), 1);
            return list;
        }
        if (type.Namespace?.StartsWith("Civility.Contracts", StringComparison.Ordinal) == true) return Instance(type);
        throw new InvalidOperationException($"No sample value for {type.Name}: add one to SampleEvents.");
    }
}
