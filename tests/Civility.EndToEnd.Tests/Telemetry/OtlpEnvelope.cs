using Google.Protobuf;

namespace Civility.EndToEnd.Tests.Telemetry;

/// <summary>
/// The envelope every OTLP export request shares (traces, metrics, logs): resource_x = 1; ResourceX: resource = 1,
/// scope_x = 2; ScopeX: scope = 1, items = 2. Walks it and hands each item to a decoder with its service and scope.
/// </summary>
internal static class OtlpEnvelope
{
    public delegate T ItemDecoder<out T>(string service, string scope, CodedInputStream item);

    public static List<T> Decode<T>(byte[] body, ItemDecoder<T> decodeItem)
    {
        var items = new List<T>();
        var request = new CodedInputStream(body);
        foreach (var field in request.Fields())
        {
            if (field == 1) DecodeResource(request.ReadMessage(), decodeItem, items);
            else request.SkipLastField();
        }
        return items;
    }

    private static void DecodeResource<T>(CodedInputStream resource, ItemDecoder<T> decodeItem, List<T> items)
    {
        // The resource may follow its scopes on the wire: keep the scopes' bytes until the service is known.
        var service = "";
        var scopes = new List<ByteString>();
        foreach (var field in resource.Fields())
        {
            switch (field)
            {
                case 1: service = resource.ReadResourceAttributes().GetValueOrDefault("service.name", ""); break;
                case 2: scopes.Add(resource.ReadBytes()); break;
                default: resource.SkipLastField(); break;
            }
        }
        foreach (var scope in scopes) DecodeScope(service, scope.CreateCodedInput(), decodeItem, items);
    }

    private static void DecodeScope<T>(string service, CodedInputStream scope, ItemDecoder<T> decodeItem, List<T> items)
    {
        var scopeName = "";
        var itemBytes = new List<ByteString>();
        foreach (var field in scope.Fields())
        {
            switch (field)
            {
                case 1: scopeName = scope.ReadScopeName(); break;
                case 2: itemBytes.Add(scope.ReadBytes()); break;
                default: scope.SkipLastField(); break;
            }
        }
        foreach (var item in itemBytes) items.Add(decodeItem(service, scopeName, item.CreateCodedInput()));
    }
}
