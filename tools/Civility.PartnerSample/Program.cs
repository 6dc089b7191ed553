using Civility.PartnerSample;

// A partner app's subscriber: one durable queue of its own (partner.<name>.<queue>) bound to the event exchanges it
// wants, each event printed, then acknowledged. It survives a broker restart (the client reconnects and consumes on).
//
//   CIVILITY_BROKER_URI=amqp://partner-publicity:<password>@127.0.0.1:5672 \
//     dotnet run --project tools/Civility.PartnerSample -- --partner publicity \
//       Civility.Contracts.Volunteers:VolunteerRegistered Civility.Contracts.MoralModels:ModelCommended
//
// The password goes in the environment, not on the command line, where other users of the machine could read it.
if (SubscriberOptions.Parse(args, Environment.GetEnvironmentVariable("CIVILITY_BROKER_URI")) is not { } options)
{
    Console.Error.WriteLine(SubscriberOptions.Usage);
    return 2;
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
await new Subscriber(options, Console.Out).RunAsync(stop.Token);
return 0;
