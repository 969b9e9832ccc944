/* Sort (value, position) and binary-search each value's partner from the end: another right pair. */
#include <stdio.h>
#include <stdlib.h>

typedef struct { long long value; int position; } Item;

static int by_value(const void *a, const void *b) {
    const Item *p = a, *q = b;
    return (p->value > q->value) - (p->value < q->value);
}

int main(void) {
    int n;
    long long x;
    if (scanf("%d %lld", &n, &x) != 2) return 1;
    Item *items = malloc(sizeof(Item) * n);
    for (int i = 0; i < n; ++i) {
        scanf("%lld", &items[i].value);
        items[i].position = i + 1;
    }
    qsort(items, n, sizeof(Item), by_value);
    for (int i = n - 1; i >= 0; --i) {
        long long want = x - items[i].value;
        int lo = 0, hi = n - 1;
        while (lo <= hi) {
            int mid = lo + (hi - lo) / 2;
            if (items[mid].value < want) lo = mid + 1;
            else if (items[mid].value > want) hi = mid - 1;
            else {
                int j = mid == i ? (mid > 0 && items[mid - 1].value == want ? mid - 1 : mid + 1) : mid;
                if (j < n && j != i && items[j].value == want) {
                    printf("%d %d\n", items[i].position, items[j].position);
                    return 0;
                }
                break;
            }
        }
    }
    printf("-1\n");
    return 0;
}
