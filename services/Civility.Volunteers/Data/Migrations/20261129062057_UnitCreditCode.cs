using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.Volunteers.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnitCreditCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "credit_code",
                schema: "volunteers",
                table: "units",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_units_credit_code",
                schema: "volunteers",
                table: "units",
                column: "credit_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_units_credit_code",
                schema: "volunteers",
                table: "units");

            migrationBuilder.DropColumn(
                name: "credit_code",
                schema: "volunteers",
                table: "units");
        }
    }
}
