using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class CustomerMetafieldConfiguration : IEntityTypeConfiguration<CustomerMetafield>
{
    public void Configure(EntityTypeBuilder<CustomerMetafield> metafield)
    {
        metafield.HasKey(m => new { m.StoreId, m.Id });
        metafield.Property(m => m.Id).ValueGeneratedNever();
        metafield.Property(m => m.OwnerClientId).HasMaxLength(ApiClient.IdLength);
        metafield.Property(m => m.PermissionSet).HasMaxLength(MetafieldPermissions.Length);
        metafield.Property(m => m.Namespace).HasMaxLength(CustomerMetafield.NamespaceLength);
        metafield.Property(m => m.Key).HasMaxLength(CustomerMetafield.KeyLength);
        metafield.Property(m => m.Value).HasMaxLength(CustomerMetafield.ValueLength);
        metafield.Property(m => m.Description).HasMaxLength(CustomerMetafield.DescriptionLength);

        // Deleting a customer (V2 or V3) deletes its metafields, in the database itself.
        metafield.HasOne<Customer>().WithMany().HasForeignKey(m => new { m.StoreId, m.CustomerId }).OnDelete(DeleteBehavior.Cascade);

        // One (namespace, key) per customer and client; also what the per-customer list and its count read.
        metafield.HasIndex(m => new { m.StoreId, m.CustomerId, m.OwnerClientId, m.Namespace, m.Key }).IsUnique()
            .HasDatabaseName("ix_customer_metafields_store_id_customer_id_owner_namespace_key"); // the generated name passes PostgreSQL's 63
        // The store-wide list's filters.
        metafield.HasIndex(m => new { m.StoreId, m.Key });
        metafield.HasIndex(m => new { m.StoreId, m.Namespace });
        metafield.HasIndex(m => new { m.StoreId, m.DateCreated });
        metafield.HasIndex(m => new { m.StoreId, m.DateModified });
    }
}
