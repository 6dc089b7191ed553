using Civility.Hosting;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivilityService<PairingDbContext>("pairing", PairingDbContext.Schema, typeof(Program).Assembly);

var app = builder.Build();
app.MapCivilityApi<PairingDbContext>("pairing", area: "pairing")
    .MapPlacesApi();

await app.RunCivilityServiceAsync();
