"""Problems and their test data: storage, the public catalogue, the staff API and package import."""
