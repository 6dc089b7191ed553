using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.MoralModels.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoardsAndPublicTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "public_tally",
                schema: "moral_models",
                table: "selection_rounds",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "off_boards_listing_id",
                schema: "moral_models",
                table: "nominations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "off_boards_reason",
                schema: "moral_models",
                table: "nominations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "off_boards_since",
                schema: "moral_models",
                table: "nominations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "public_tally",
                schema: "moral_models",
                table: "selection_rounds");

            migrationBuilder.DropColumn(
                name: "off_boards_listing_id",
                schema: "moral_models",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "off_boards_reason",
                schema: "moral_models",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "off_boards_since",
                schema: "moral_models",
                table: "nominations");
        }
    }
}
