"""What a store sells: its products, their pictures, the CSV import and reviews."""
