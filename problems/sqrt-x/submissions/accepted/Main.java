import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer st = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        st.nextToken();
        int t = (int) st.nval;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t; i++) {
            st.nextToken();
            long x = (long) st.nval;
            long lo = 0, hi = Math.min(x, 46341);
            while (lo < hi) {
                long mid = (lo + hi + 1) / 2;
                if (mid * mid <= x) lo = mid; else hi = mid - 1;
            }
            out.append(lo).append('\n');
        }
        System.out.print(out);
    }
}
