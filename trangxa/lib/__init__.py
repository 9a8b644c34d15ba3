"""What several plugins share: Vietnamese text and dates, the content-problem record."""
