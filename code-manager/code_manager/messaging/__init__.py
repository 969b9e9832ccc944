"""The only package that imports pika: topology, the job publisher and the result consumer loop."""
