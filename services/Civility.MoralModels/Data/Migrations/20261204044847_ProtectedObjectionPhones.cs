using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.MoralModels.Data.Migrations
{
    /// <summary>
    /// Objectors' phones encrypted and masked: the protected columns, and the clear column <c>contact_phone</c> made
    /// nullable, as nothing writes it any more. It stays for now: SQL cannot encrypt, so ObjectionPhoneBackfillJob
    /// encrypts its rows after this migration and empties it. It is dropped by a later migration, once every replica
    /// runs this version (an older one still writes it during a rolling update) and the backfill finds nothing left;
    /// dropping it here would lose the phones not yet protected.
    /// </summary>
    public partial class ProtectedObjectionPhones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "contact_phone",
                schema: "moral_models",
                table: "objections",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.AddColumn<string>(
                name: "contact_phone_encrypted",
                schema: "moral_models",
                table: "objections",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "masked_contact_phone",
                schema: "moral_models",
                table: "objections",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "contact_phone_encrypted",
                schema: "moral_models",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "masked_contact_phone",
                schema: "moral_models",
                table: "objections");

            // The backfill emptied the clear column: NOT NULL again needs a value (the phones are not restored in clear).
            migrationBuilder.Sql("UPDATE moral_models.objections SET contact_phone = '' WHERE contact_phone IS NULL;");

            migrationBuilder.AlterColumn<string>(
                name: "contact_phone",
                schema: "moral_models",
                table: "objections",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);
        }
    }
}
