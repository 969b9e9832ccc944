print(-1
