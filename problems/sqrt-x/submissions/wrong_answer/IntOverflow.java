// mid * mid in int overflows for mid > 46340: right on the samples, wrong near 2^31.
import java.io.*;

public class IntOverflow {
    public static void main(String[] args) throws IOException {
        StreamTokenizer st = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        st.nextToken();
        int t = (int) st.nval;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t; i++) {
            st.nextToken();
            int x = (int) st.nval;
            int lo = 0, hi = 65535;
            while (lo < hi) {
                int mid = (lo + hi + 1) / 2;
                if (mid * mid <= x) lo = mid; else hi = mid - 1;
            }
            out.append(lo).append('\n');
        }
        System.out.print(out);
    }
}
