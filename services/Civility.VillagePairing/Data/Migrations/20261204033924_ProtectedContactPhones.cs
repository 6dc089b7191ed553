using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.VillagePairing.Data.Migrations
{
    /// <summary>
    /// Contact phones encrypted and masked: the protected columns only. The clear column <c>phone</c> stays for now:
    /// SQL cannot encrypt, so ContactPhoneBackfillJob encrypts its rows after this migration and empties it. It is
    /// dropped by a later migration, once every replica runs this version (an older one still writes it during a
    /// rolling update) and the backfill finds nothing left; dropping it here would lose the phones not yet protected.
    /// </summary>
    public partial class ProtectedContactPhones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "masked_phone",
                schema: "pairing",
                table: "pairing_contacts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_encrypted",
                schema: "pairing",
                table: "pairing_contacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "masked_phone",
                schema: "pairing",
                table: "pairing_contacts");

            migrationBuilder.DropColumn(
                name: "phone_encrypted",
                schema: "pairing",
                table: "pairing_contacts");
        }
    }
}
