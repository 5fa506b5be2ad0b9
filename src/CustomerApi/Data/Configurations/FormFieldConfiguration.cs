using System.Text.Json;
using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class FormFieldConfiguration : IEntityTypeConfiguration<FormField>
{
    public void Configure(EntityTypeBuilder<FormField> field)
    {
        field.HasKey(f => new { f.StoreId, f.Id });
        field.Property(f => f.Id).ValueGeneratedNever();
        field.HasOne<Store>().WithMany().HasForeignKey(f => f.StoreId).OnDelete(DeleteBehavior.Cascade);
        field.Property(f => f.Name).HasMaxLength(FormField.NameLength);
        field.Property(f => f.Type).HasMaxLength(12);
        field.Property(f => f.For).HasColumnName("for_owner").HasMaxLength(8);

        // A JSON list of text on both databases: read whole, with the store's other fields, never filtered on.
        field.Property(f => f.Options).HasConversion(
            options => JsonSerializer.Serialize(options, (JsonSerializerOptions?)null),
            text => JsonSerializer.Deserialize<string[]>(text, (JsonSerializerOptions?)null) ?? Array.Empty<string>(),
            new ValueComparer<string[]>((a, b) => a!.SequenceEqual(b!), options => options.Aggregate(17, (hash, o) => hash * 31 + o.GetHashCode(StringComparison.Ordinal)),
                options => options.ToArray()));

        field.HasIndex(f => new { f.StoreId, f.For, f.Name }).IsUnique();
    }
}
