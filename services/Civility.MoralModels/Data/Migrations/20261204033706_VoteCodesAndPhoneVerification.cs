using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.MoralModels.Data.Migrations
{
    /// <inheritdoc />
    public partial class VoteCodesAndPhoneVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "phone_hash",
                schema: "moral_models",
                table: "votes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "vote_verification",
                schema: "moral_models",
                table: "selection_rounds",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Rounds from before codes existed require them too: the abuse-resistant choice.
                defaultValue: "OneTimeCode");

            migrationBuilder.CreateTable(
                name: "vote_codes",
                schema: "moral_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vote_codes", x => x.id);
                    table.ForeignKey(
                        name: "fk_vote_codes_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalSchema: "moral_models",
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_votes_nomination_id_phone_hash",
                schema: "moral_models",
                table: "votes",
                columns: new[] { "nomination_id", "phone_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vote_codes_nomination_id_phone_hash_issued_at",
                schema: "moral_models",
                table: "vote_codes",
                columns: new[] { "nomination_id", "phone_hash", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_vote_codes_phone_hash_issued_at",
                schema: "moral_models",
                table: "vote_codes",
                columns: new[] { "phone_hash", "issued_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vote_codes",
                schema: "moral_models");

            migrationBuilder.DropIndex(
                name: "ix_votes_nomination_id_phone_hash",
                schema: "moral_models",
                table: "votes");

            migrationBuilder.DropColumn(
                name: "phone_hash",
                schema: "moral_models",
                table: "votes");

            migrationBuilder.DropColumn(
                name: "vote_verification",
                schema: "moral_models",
                table: "selection_rounds");
        }
    }
}
