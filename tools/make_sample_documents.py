# ruff: noqa: E501 -- the sample documents below are whole Vietnamese sentences, one per line.
"""Write the sample documents of content/van-ban/: one Markdown file each, and real files.

Each document gets a PDF laid out as a Vietnamese administrative document (Decree
30/2020/NĐ-CP: issuing body and national motto, number, place and date, form and
trích yếu, body, signature, recipients), written by fpdf2 with DejaVu Serif, a font
with every Vietnamese glyph (Debian's fonts-dejavu-core). One PDF is a scan: the page
is an image, without text. One official letter is a DOCX (python-docx), and one
budget estimate has an XLSX table next to its PDF. Everything is deterministic (fixed
dates, fixed zip timestamps): running the script again rewrites the same bytes.

    .venv/bin/python tools/make_sample_documents.py              # content/van-ban/
    .venv/bin/python tools/make_sample_documents.py --bench 1000 /tmp/corpus-docs

``--bench N FOLDER`` copies content/ into FOLDER and adds N generated documents (each
with its own small PDF), to measure the build at a commune's scale.
"""

import argparse
import datetime
import io
import random
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
FIXED = datetime.datetime(2026, 11, 1, 8, 0, 0, tzinfo=datetime.UTC)
ZIP_TIME = (2026, 11, 1, 8, 0, 0)

# --- Issuing bodies: the header of their documents, their signature ------------------------

BODIES = {
    "ubnd": (["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"], "state", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Nguyễn Văn Hòa"),
    "ubnd-pct": (["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"], "state", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Lê Minh Tâm"),
    "hdnd": (["HỘI ĐỒNG NHÂN DÂN", "XÃ TÂN HÒA"], "state", "CHỦ TỊCH", "Nguyễn Thị Kim Loan"),
    "dang-uy": (
        ["ĐẢNG BỘ TỈNH BÌNH NGUYÊN", "ĐẢNG ỦY XÃ TÂN HÒA", "*"],
        "party",
        "T/M ĐẢNG ỦY\nBÍ THƯ",
        "Trần Văn Hiếu",
    ),
    "mttq": (
        ["ỦY BAN MTTQ VIỆT NAM", "XÃ TÂN HÒA", "BAN THƯỜNG TRỰC"],
        "state",
        "TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH",
        "Đặng Văn Lực",
    ),
    "hoi-nong-dan": (
        ["HỘI NÔNG DÂN TỈNH BÌNH NGUYÊN", "BCH HỘI NÔNG DÂN XÃ TÂN HÒA", "*"],
        "union:HỘI NÔNG DÂN VIỆT NAM",
        "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        "Ngô Văn Sáu",
    ),
    "doan-thanh-nien": (
        ["ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN XÃ TÂN HÒA", "***"],
        "union:ĐOÀN TNCS HỒ CHÍ MINH",
        "TM. BAN THƯỜNG VỤ\nBÍ THƯ",
        "Trương Quốc Huy",
    ),
    "cong-an-xa": (
        ["CÔNG AN TỈNH BÌNH NGUYÊN", "CÔNG AN XÃ TÂN HÒA"],
        "state",
        "TRƯỞNG CÔNG AN XÃ",
        "Cao Minh Khoa",
    ),
}
SIGNERS = {
    "ubnd": "Nguyễn Văn Hòa, Chủ tịch UBND xã",
    "ubnd-pct": "Lê Minh Tâm, Phó Chủ tịch UBND xã",
    "hdnd": "Nguyễn Thị Kim Loan, Chủ tịch HĐND xã",
    "dang-uy": "Trần Văn Hiếu, Bí thư Đảng ủy xã",
    "mttq": "Đặng Văn Lực, Chủ tịch Ủy ban MTTQ xã",
    "hoi-nong-dan": "Ngô Văn Sáu, Chủ tịch Hội Nông dân xã",
    "doan-thanh-nien": "Trương Quốc Huy, Bí thư Đoàn xã",
    "cong-an-xa": "Thiếu tá Cao Minh Khoa, Trưởng Công an xã",
}

# --- The sample documents -------------------------------------------------------------------
# body: the text of the document itself (in its PDF); summary: the Markdown body (optional).

DOCUMENTS = [
    {
        "file": "2024/25-kh-ubnd",
        "form": "Kế hoạch",
        "number": "25/KH-UBND",
        "issuer": "UBND",
        "body_of": "ubnd-pct",
        "issued": "15/01/2024",
        "effective": "ngày ký",
        "field": "Văn hóa – Xã hội",
        "title": "Kế hoạch tổ chức các hoạt động mừng Đảng, mừng Xuân Giáp Thìn năm 2024",
        "body": [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao mừng Đảng, mừng Xuân Giáp Thìn năm 2024 thiết thực, tiết kiệm, an toàn; tạo không khí vui tươi, phấn khởi trong Nhân dân.",
            "II. NỘI DUNG",
            "1. Tổ chức chương trình văn nghệ chào Xuân tại sân Nhà văn hóa xã vào tối 06/02/2024.",
            "2. Tổ chức giải bóng chuyền, kéo co giữa các ấp từ ngày 01/02 đến ngày 05/02/2024.",
            "3. Thăm, tặng quà các gia đình chính sách, hộ nghèo, hộ cận nghèo trước Tết.",
            "III. TỔ CHỨC THỰC HIỆN",
            "Công chức Văn hóa – Xã hội chủ trì, phối hợp Đoàn Thanh niên xã và Trưởng các ấp triển khai thực hiện Kế hoạch này.",
        ],
    },
    {
        "file": "2024/112-qd-ubnd",
        "form": "Quyết định",
        "number": "112/QĐ-UBND",
        "issuer": "Ủy ban nhân dân xã Tân Hòa",
        "body_of": "ubnd",
        "issued": "20/03/2024",
        "effective": "ngày ký",
        "field": "Tư pháp – Hành chính",
        "title": "Quyết định thành lập Tổ công nghệ số cộng đồng xã Tân Hòa",
        "summary": "Tổ công nghệ số cộng đồng gồm 14 thành viên, do Phó Chủ tịch UBND xã làm Tổ trưởng, hướng dẫn người dân sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.",
        "body": [
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN HÒA",
            "Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ Quyết định số 1358/QĐ-BTTTT ngày 05/8/2022 của Bộ Thông tin và Truyền thông về triển khai Tổ công nghệ số cộng đồng;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Thành lập Tổ công nghệ số cộng đồng xã Tân Hòa gồm 14 thành viên (có danh sách kèm theo).",
            "Điều 2. Tổ có nhiệm vụ hướng dẫn người dân cài đặt, sử dụng ứng dụng định danh điện tử, dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng HĐND và UBND xã, các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành.",
        ],
    },
    {
        "file": "2024/08-nq-hdnd",
        "form": "Nghị quyết",
        "number": "08/NQ-HĐND",
        "issuer": "HĐND",
        "body_of": "hdnd",
        "issued": "15/07/2024",
        "effective": "15/07/2024",
        "field": "Kinh tế – Nông nghiệp",
        "title": "Nghị quyết về kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2024",
        "body": [
            "HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA KHÓA XII, KỲ HỌP THỨ MƯỜI",
            "Sau khi xem xét báo cáo của Ủy ban nhân dân xã và ý kiến thảo luận của đại biểu HĐND xã tại kỳ họp,",
            "QUYẾT NGHỊ:",
            "Điều 1. Thống nhất đánh giá kết quả 6 tháng đầu năm 2024: tổng diện tích gieo trồng 1.320 ha, đạt 51% kế hoạch; thu ngân sách đạt 56% dự toán.",
            "Điều 2. Nhiệm vụ 6 tháng cuối năm: tập trung chăm sóc lúa Hè Thu, phòng chống thiên tai, hoàn thành tiêu chí nông thôn mới nâng cao.",
            "Điều 3. Giao Ủy ban nhân dân xã tổ chức thực hiện; Thường trực HĐND, các Ban HĐND và đại biểu HĐND xã giám sát việc thực hiện Nghị quyết.",
        ],
    },
    {
        "file": "2024/12-kh-hnd",
        "form": "Kế hoạch",
        "number": "12-KH/HND",
        "issuer": "Hội Nông dân",
        "body_of": "hoi-nong-dan",
        "issued": "02/08/2024",
        "field": "Kinh tế – Nông nghiệp",
        "title": "Kế hoạch tập huấn kỹ thuật trồng lúa hữu cơ cho hội viên năm 2024",
        "body": [
            "Thực hiện chương trình công tác năm 2024, Ban Thường vụ Hội Nông dân xã xây dựng Kế hoạch tập huấn như sau:",
            "1. Đối tượng: 120 hội viên nông dân các ấp Bàu Sen, Hòa Thạnh, Bến Đình.",
            "2. Nội dung: quy trình canh tác lúa hữu cơ, sử dụng phân bón vi sinh, quản lý dịch hại tổng hợp (IPM).",
            "3. Thời gian, địa điểm: ngày 20/8/2024 tại Hội trường UBND xã.",
            "4. Kinh phí: từ nguồn Quỹ Hỗ trợ nông dân và xã hội hóa.",
        ],
    },
    {
        "file": "2024/02-ct-du",
        "form": "Chỉ thị",
        "number": "02-CT/ĐU",
        "issuer": "Đảng ủy",
        "body_of": "dang-uy",
        "issued": "10/09/2024",
        "field": "Công tác Đảng – Đoàn thể",
        "title": "Chỉ thị về lãnh đạo đại hội chi bộ tiến tới Đại hội đại biểu Đảng bộ xã nhiệm kỳ 2025 – 2030",
        "body": [
            "Đại hội chi bộ là dịp để đánh giá kết quả thực hiện nghị quyết nhiệm kỳ qua, đề ra phương hướng, nhiệm vụ nhiệm kỳ tới.",
            "Ban Chấp hành Đảng bộ xã yêu cầu các cấp ủy, chi bộ:",
            "1. Chuẩn bị chu đáo văn kiện, nhân sự; bảo đảm đúng nguyên tắc, dân chủ.",
            "2. Tổ chức đại hội chi bộ hoàn thành trước ngày 31/12/2024.",
            "3. Gắn đại hội với các phong trào thi đua lập thành tích chào mừng Đại hội Đảng bộ xã.",
        ],
    },
    {
        "file": "2024/45-tb-ubnd",
        "form": "Thông báo",
        "number": "45/TB-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "05/01/2024",
        "expires": "01/01/2025",
        "field": "Tư pháp – Hành chính",
        "title": "Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND xã năm 2024",
        "body": [
            "Thực hiện Luật Tiếp công dân năm 2013, UBND xã Tân Hòa thông báo lịch tiếp công dân định kỳ năm 2024 như sau:",
            "Chủ tịch UBND xã tiếp công dân vào ngày thứ Năm của tuần thứ hai và tuần thứ tư hằng tháng, tại Trụ sở tiếp công dân xã.",
            "Buổi sáng từ 7 giờ 30 đến 11 giờ; buổi chiều từ 13 giờ 30 đến 16 giờ 30.",
            "Công dân đến liên hệ mang theo căn cước và các giấy tờ liên quan.",
        ],
    },
    {
        "file": "2024/198-bc-ubnd",
        "form": "Báo cáo",
        "number": "198/BC-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "10/12/2024",
        "field": "Kinh tế – Nông nghiệp",
        "title": "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội năm 2024 và phương hướng, nhiệm vụ năm 2025",
        "body": [
            "I. KẾT QUẢ THỰC HIỆN NĂM 2024",
            "Tổng sản lượng lúa cả năm đạt 16.850 tấn, tăng 3,2% so với năm 2023; thu nhập bình quân đầu người đạt 68 triệu đồng.",
            "Thu ngân sách trên địa bàn đạt 112% dự toán; giải quyết 100% hồ sơ thủ tục hành chính đúng hạn.",
            "Hoàn thành bê tông hóa 4,6 km đường giao thông nông thôn.",
            "II. PHƯƠNG HƯỚNG NĂM 2025",
            "Tiếp tục chuyển đổi cơ cấu cây trồng, đẩy mạnh chuyển đổi số, giữ vững quốc phòng – an ninh.",
        ],
    },
    {
        "file": "2024/15-nq-hdnd",
        "form": "Nghị quyết",
        "number": "15/NQ-HĐND",
        "issuer": "HĐND",
        "body_of": "hdnd",
        "issued": "20/12/2024",
        "effective": "01/01/2025",
        "field": "Tài chính – Ngân sách",
        "disclosure": True,
        "title": "Nghị quyết về dự toán thu, chi ngân sách xã năm 2025",
        "summary": "Tổng thu ngân sách xã năm 2025: 9.865 triệu đồng; tổng chi: 9.865 triệu đồng. Bảng dự toán chi tiết ở tệp Excel kèm theo.",
        "xlsx": "15-nq-hdnd-du-toan.xlsx",
        "body": [
            "HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA KHÓA XII, KỲ HỌP THỨ MƯỜI HAI",
            "QUYẾT NGHỊ:",
            "Điều 1. Thông qua dự toán thu ngân sách nhà nước trên địa bàn xã năm 2025 là 9.865 triệu đồng, trong đó thu bổ sung từ ngân sách cấp trên 7.420 triệu đồng.",
            "Điều 2. Thông qua dự toán chi ngân sách xã năm 2025 là 9.865 triệu đồng: chi đầu tư phát triển 1.850 triệu đồng; chi thường xuyên 7.820 triệu đồng; dự phòng 195 triệu đồng.",
            "Điều 3. Giao UBND xã tổ chức thực hiện và công khai dự toán theo quy định.",
        ],
    },
    {
        "file": "2024/245-qd-ubnd",
        "form": "Quyết định",
        "number": "245/QĐ-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "26/12/2024",
        "field": "Tài chính – Ngân sách",
        "disclosure": True,
        "title": "Quyết định công bố công khai dự toán ngân sách xã năm 2025",
        "body": [
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN HÒA",
            "Căn cứ Luật Ngân sách nhà nước; căn cứ Thông tư số 343/2016/TT-BTC hướng dẫn công khai ngân sách;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Công bố công khai số liệu dự toán ngân sách xã năm 2025 đã được HĐND xã quyết định tại Nghị quyết số 15/NQ-HĐND.",
            "Điều 2. Hình thức công khai: niêm yết tại Trụ sở UBND xã, Nhà văn hóa các ấp và đăng trên Trang thông tin điện tử xã.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        ],
    },
    {
        "file": "2025/01-2025-qd-ubnd",
        "form": "Quyết định",
        "number": "01/2025/QĐ-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "10/01/2025",
        "effective": "20/01/2025",
        "replaced_by": "03/2026/QĐ-UBND",
        "field": "Văn hóa – Xã hội",
        "title": "Quyết định ban hành Quy định quản lý, sử dụng nhà văn hóa các ấp trên địa bàn xã",
        "body": [
            "ỦY BAN NHÂN DÂN XÃ TÂN HÒA",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý, sử dụng nhà văn hóa các ấp trên địa bàn xã Tân Hòa.",
            "Điều 2. Nhà văn hóa ấp do Ban Nhân dân ấp quản lý; được sử dụng cho sinh hoạt cộng đồng, họp dân, hoạt động văn hóa, thể thao.",
            "Điều 3. Quyết định này có hiệu lực từ ngày 20 tháng 01 năm 2025.",
        ],
    },
    {
        "file": "2025/125-kh-ubnd",
        "form": "Kế hoạch",
        "number": "125/KH-UBND",
        "issuer": "UBND",
        "body_of": "ubnd-pct",
        "issued": "05/03/2025",
        "effective": "ngày ký",
        "field": "Kinh tế – Nông nghiệp",
        "title": "Kế hoạch phòng, chống dịch bệnh trên cây lúa vụ Hè Thu năm 2025",
        "body": [
            "I. MỤC ĐÍCH",
            "Chủ động phòng, chống rầy nâu, bệnh đạo ôn, lùn sọc đen trên 650 ha lúa vụ Hè Thu; hạn chế thấp nhất thiệt hại cho nông dân.",
            "II. BIỆN PHÁP",
            "1. Gieo sạ tập trung, né rầy theo lịch thời vụ của ngành nông nghiệp.",
            "2. Thăm đồng định kỳ 7 ngày một lần; phát hiện sớm, xử lý kịp thời ổ dịch.",
            "3. Sử dụng thuốc bảo vệ thực vật theo nguyên tắc 4 đúng.",
            "III. TỔ CHỨC THỰC HIỆN",
            "Giao Hội Nông dân xã và Trưởng các ấp phối hợp tuyên truyền, vận động nông dân thực hiện.",
        ],
    },
    {
        "file": "2025/05-2025-nq-hdnd",
        "form": "Nghị quyết",
        "number": "05/2025/NQ-HĐND",
        "issuer": "Hội đồng nhân dân",
        "body_of": "hdnd",
        "issued": "18/04/2025",
        "effective": "28/04/2025",
        "field": "Quốc phòng – An ninh",
        "title": "Nghị quyết quy định mức chi hỗ trợ hoạt động của các tổ tự quản an ninh, trật tự ở ấp",
        "body": [
            "HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA",
            "QUYẾT NGHỊ:",
            "Điều 1. Quy định mức chi hỗ trợ hoạt động của mỗi tổ tự quản an ninh, trật tự ở ấp là 1.500.000 đồng mỗi tháng.",
            "Điều 2. Nguồn kinh phí: ngân sách xã được giao hằng năm.",
            "Điều 3. Nghị quyết này có hiệu lực từ ngày 28 tháng 4 năm 2025.",
        ],
    },
    {
        "file": "2025/156-qd-ubnd",
        "form": "Quyết định",
        "number": "156/QĐ-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "20/05/2025",
        "field": "Lao động – An sinh xã hội",
        "disclosure": True,
        "title": "Quyết định công nhận danh sách hộ nghèo, hộ cận nghèo trên địa bàn xã năm 2025",
        "summary": "Toàn xã có 86 hộ nghèo (1,9%) và 142 hộ cận nghèo (3,1%); danh sách được niêm yết tại Nhà văn hóa các ấp.",
        "body": [
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN HÒA",
            "Căn cứ kết quả rà soát hộ nghèo, hộ cận nghèo năm 2025 theo chuẩn nghèo đa chiều giai đoạn 2022 – 2025;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Công nhận 86 hộ nghèo, chiếm 1,9% và 142 hộ cận nghèo, chiếm 3,1% tổng số hộ dân của xã (có danh sách kèm theo).",
            "Điều 2. Các hộ có tên được hưởng chính sách hỗ trợ về y tế, giáo dục, tín dụng ưu đãi theo quy định.",
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký.",
        ],
    },
    {
        "file": "2025/356-ubnd-vp",
        "form": "Công văn",
        "number": "356/UBND-VP",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "12/06/2025",
        "field": "Tài chính – Ngân sách",
        "docx_only": True,
        "title": "V/v đôn đốc nộp thuế sử dụng đất phi nông nghiệp năm 2025",
        "body": [
            "Kính gửi: Trưởng các ấp trên địa bàn xã.",
            "Đến ngày 10/6/2025, số thuế sử dụng đất phi nông nghiệp thu được mới đạt 46% số thuế phải nộp năm 2025.",
            "UBND xã đề nghị Trưởng các ấp thông báo đến từng hộ gia đình, cá nhân nộp thuế trước ngày 31/7/2025 tại Bộ phận thu ngân sách xã hoặc qua Cổng Dịch vụ công quốc gia.",
            "Đề nghị Trưởng các ấp quan tâm thực hiện.",
        ],
    },
    {
        "file": "2025/210-qd-ubnd",
        "form": "Quyết định",
        "number": "210/QĐ-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "15/07/2025",
        "field": "Đất đai – Xây dựng",
        "disclosure": True,
        "title": "Quyết định phê duyệt chủ trương đầu tư dự án đường giao thông nông thôn ấp Bến Đình",
        "body": [
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN HÒA",
            "Căn cứ Luật Đầu tư công; căn cứ Nghị quyết của HĐND xã về kế hoạch đầu tư công năm 2025;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Phê duyệt chủ trương đầu tư dự án Đường giao thông nông thôn ấp Bến Đình với các nội dung: chiều dài 1,2 km, mặt đường bê tông xi măng rộng 3,5 m; xây mới cống hộp qua kênh Xẻo Đước.",
            "Điều 2. Tổng mức đầu tư dự kiến 2.450 triệu đồng, từ ngân sách xã và Nhân dân đóng góp; thời gian thực hiện năm 2025 – 2026.",
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký.",
        ],
    },
    {
        "file": "2025/145-bc-ubnd",
        "form": "Báo cáo",
        "number": "145/BC-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "10/07/2025",
        "field": "Tài chính – Ngân sách",
        "disclosure": True,
        "title": "Báo cáo công khai tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm 2025",
        "body": [
            "1. Thu ngân sách 6 tháng đầu năm: 5.210 triệu đồng, đạt 52,8% dự toán.",
            "2. Chi ngân sách 6 tháng đầu năm: 4.475 triệu đồng, đạt 45,4% dự toán; trong đó chi đầu tư phát triển 620 triệu đồng.",
            "3. Các khoản thu chưa đạt tiến độ: thuế sử dụng đất phi nông nghiệp, phí chợ.",
        ],
    },
    {
        "file": "2025/20-nq-du",
        "form": "Nghị quyết",
        "number": "20-NQ/ĐU",
        "issuer": "Đảng ủy",
        "body_of": "dang-uy",
        "issued": "25/08/2025",
        "field": "Công tác Đảng – Đoàn thể",
        "title": "Nghị quyết Đại hội đại biểu Đảng bộ xã Tân Hòa lần thứ I, nhiệm kỳ 2025 – 2030",
        "body": [
            "Đại hội đại biểu Đảng bộ xã Tân Hòa lần thứ I, nhiệm kỳ 2025 – 2030 họp từ ngày 23 đến ngày 25/8/2025,",
            "QUYẾT NGHỊ:",
            "1. Thông qua Báo cáo chính trị của Ban Chấp hành Đảng bộ xã trình Đại hội.",
            "2. Mục tiêu đến năm 2030: thu nhập bình quân đầu người đạt 95 triệu đồng; xã đạt chuẩn nông thôn mới kiểu mẫu.",
            "3. Ba đột phá: chuyển đổi số; hạ tầng giao thông, thủy lợi; nâng cao chất lượng nguồn nhân lực.",
        ],
    },
    {
        "file": "2025/88-tb-ubnd",
        "form": "Thông báo",
        "number": "88/TB-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "20/08/2025",
        "expires": "20/09/2025",
        "field": "Tổ chức – Cán bộ",
        "title": "Thông báo tuyển dụng nhân viên hợp đồng làm việc tại Trung tâm Phục vụ hành chính công xã",
        "body": [
            "UBND xã Tân Hòa thông báo tuyển dụng 02 nhân viên hợp đồng làm việc tại Trung tâm Phục vụ hành chính công xã.",
            "Điều kiện: tốt nghiệp đại học chuyên ngành luật, hành chính hoặc công nghệ thông tin; có chứng chỉ tin học.",
            "Hồ sơ nộp tại Văn phòng HĐND và UBND xã đến hết ngày 19/9/2025.",
        ],
    },
    {
        "file": "2025/30-kh-mttq",
        "form": "Kế hoạch",
        "number": "30/KH-MTTQ-BTT",
        "issuer": "Ủy ban MTTQ",
        "body_of": "mttq",
        "issued": "02/10/2025",
        "field": "Văn hóa – Xã hội",
        "title": "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2025",
        "body": [
            "Thực hiện hướng dẫn của Ủy ban MTTQ Việt Nam tỉnh, Ban Thường trực Ủy ban MTTQ xã xây dựng kế hoạch như sau:",
            "1. Thời gian: từ ngày 01/11 đến ngày 17/11/2025, tại 12 ấp của xã.",
            "2. Nội dung: phần lễ ôn lại truyền thống 95 năm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam; phần hội có văn nghệ, thể thao, ẩm thực.",
            "3. Biểu dương hộ gia đình văn hóa tiêu biểu, trao quà cho hộ khó khăn.",
        ],
    },
    {
        "file": "2025/95-ttr-ubnd",
        "form": "Tờ trình",
        "number": "95/TTr-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "01/12/2025",
        "field": "Tài chính – Ngân sách",
        "title": "Tờ trình về dự toán thu, chi ngân sách xã năm 2026",
        "body": [
            "Kính gửi: Hội đồng nhân dân xã Tân Hòa.",
            "UBND xã trình HĐND xã xem xét, quyết định dự toán thu ngân sách năm 2026 là 12.640 triệu đồng và dự toán chi là 12.640 triệu đồng.",
            "Kính trình HĐND xã xem xét, quyết định.",
        ],
    },
    {
        "file": "2025/22-nq-hdnd",
        "form": "Nghị quyết",
        "number": "22/NQ-HĐND",
        "issuer": "HĐND",
        "body_of": "hdnd",
        "issued": "18/12/2025",
        "effective": "01/01/2026",
        "field": "Tài chính – Ngân sách",
        "disclosure": True,
        "title": "Nghị quyết về dự toán thu, chi ngân sách xã năm 2026",
        "body": [
            "HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA",
            "QUYẾT NGHỊ:",
            "Điều 1. Dự toán thu ngân sách nhà nước trên địa bàn xã năm 2026: 12.640 triệu đồng.",
            "Điều 2. Dự toán chi ngân sách xã năm 2026: 12.640 triệu đồng, trong đó chi đầu tư phát triển 2.900 triệu đồng.",
            "Điều 3. Nghị quyết có hiệu lực từ ngày 01 tháng 01 năm 2026.",
        ],
    },
    {
        "file": "2025/320-qd-ubnd",
        "form": "Quyết định",
        "number": "320/QĐ-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "26/12/2025",
        "field": "Kinh tế – Nông nghiệp",
        "disclosure": True,
        "title": "Quyết định giao chỉ tiêu kế hoạch phát triển kinh tế – xã hội năm 2026",
        "body": [
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN HÒA",
            "QUYẾT ĐỊNH:",
            "Điều 1. Giao chỉ tiêu kế hoạch phát triển kinh tế – xã hội năm 2026 cho các ấp và bộ phận chuyên môn của xã (phụ lục kèm theo).",
            "Điều 2. Một số chỉ tiêu chủ yếu: sản lượng lúa 17.200 tấn; tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến trên 85%; giảm 0,5% hộ nghèo.",
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký.",
        ],
    },
    {
        "file": "2026/03-2026-qd-ubnd",
        "form": "Quyết định",
        "number": "03/2026/QĐ-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "12/01/2026",
        "effective": "22/01/2026",
        "field": "Văn hóa – Xã hội",
        "title": "Quyết định ban hành Quy định quản lý, sử dụng nhà văn hóa các ấp trên địa bàn xã Tân Hòa",
        "summary": "Thay thế Quyết định số 01/2025/QĐ-UBND: bổ sung việc cho thuê nhà văn hóa để tổ chức tiệc cưới, sinh hoạt câu lạc bộ và mức đóng góp chi phí điện, nước.",
        "body": [
            "ỦY BAN NHÂN DÂN XÃ TÂN HÒA",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý, sử dụng nhà văn hóa các ấp trên địa bàn xã Tân Hòa.",
            "Điều 2. Quyết định này có hiệu lực từ ngày 22 tháng 01 năm 2026 và thay thế Quyết định số 01/2025/QĐ-UBND ngày 10/01/2025 của UBND xã.",
        ],
    },
    {
        "file": "2026/15-kh-ubnd",
        "form": "Kế hoạch",
        "number": "15/KH-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "20/01/2026",
        "field": "Tổ chức – Cán bộ",
        "title": "Kế hoạch tổ chức bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 – 2031 trên địa bàn xã",
        "body": [
            "1. Ngày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026.",
            "2. Thành lập 14 tổ bầu cử tại 12 ấp; niêm yết danh sách cử tri chậm nhất ngày 03/02/2026.",
            "3. Tuyên truyền sâu rộng để cử tri hiểu rõ quyền, nghĩa vụ và đi bầu cử đầy đủ.",
        ],
    },
    {
        "file": "2026/05-kh-cax",
        "form": "Kế hoạch",
        "number": "05/KH-CAX",
        "issuer": "Công an xã",
        "body_of": "cong-an-xa",
        "issued": "16/02/2026",
        "field": "Quốc phòng – An ninh",
        "scanned": True,
        "title": "Kế hoạch phòng cháy, chữa cháy và cứu nạn, cứu hộ mùa khô năm 2026",
        "summary": "Bản quét của văn bản đã ký: 12 tổ liên gia an toàn phòng cháy, chữa cháy; kiểm tra chợ Tân Hòa và các cơ sở kinh doanh xăng dầu.",
        "body": [
            "1. Kiện toàn 12 tổ liên gia an toàn phòng cháy, chữa cháy ở các ấp.",
            "2. Kiểm tra an toàn phòng cháy tại chợ Tân Hòa và 4 cửa hàng xăng dầu.",
            "3. Tuyên truyền người dân không đốt đồng trong những ngày nắng nóng.",
        ],
    },
    {
        "file": "2026/40-kh-dtn",
        "form": "Kế hoạch",
        "number": "40-KH/ĐTN",
        "issuer": "Đoàn Thanh niên",
        "body_of": "doan-thanh-nien",
        "issued": "05/05/2026",
        "field": "Công tác Đảng – Đoàn thể",
        "title": "Kế hoạch tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2026",
        "body": [
            "1. Thời gian: từ ngày 01/6 đến ngày 31/8/2026.",
            "2. Nội dung: làm mới 2 km tuyến đường hoa; hướng dẫn người dân dùng dịch vụ công trực tuyến; tổ chức sân chơi hè cho thiếu nhi.",
            "3. Chỉ tiêu: 100% chi đoàn tham gia; thu hút ít nhất 300 lượt đoàn viên, thanh niên.",
        ],
    },
    {
        "file": "2026/210-bc-ubnd",
        "form": "Báo cáo",
        "number": "210/BC-UBND",
        "issuer": "UBND",
        "body_of": "ubnd",
        "issued": "10/07/2026",
        "field": "Tài chính – Ngân sách",
        "disclosure": True,
        "title": "Báo cáo công khai tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm 2026",
        "body": [
            "1. Thu ngân sách 6 tháng đầu năm 2026: 6.980 triệu đồng, đạt 55,2% dự toán.",
            "2. Chi ngân sách 6 tháng đầu năm 2026: 5.760 triệu đồng, đạt 45,6% dự toán.",
            "3. Dự án Đường giao thông nông thôn ấp Bến Đình đã giải ngân 1.320 triệu đồng.",
        ],
    },
    {
        "file": "2026/30-nq-hdnd",
        "form": "Nghị quyết",
        "number": "30/NQ-HĐND",
        "issuer": "HĐND",
        "body_of": "hdnd",
        "issued": "20/11/2026",
        "effective": "01/01/2027",
        "field": "Đất đai – Xây dựng",
        "disclosure": True,
        "title": "Nghị quyết thông qua kế hoạch đầu tư công năm 2027 của xã",
        "body": [
            "HỘI ĐỒNG NHÂN DÂN XÃ TÂN HÒA KHÓA I, KỲ HỌP THỨ BA",
            "QUYẾT NGHỊ:",
            "Điều 1. Thông qua kế hoạch đầu tư công năm 2027 với tổng vốn 3.150 triệu đồng cho 4 công trình giao thông, thủy lợi.",
            "Điều 2. Nghị quyết có hiệu lực từ ngày 01 tháng 01 năm 2027.",
        ],
    },
]


def day(text):
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()


# --- PDF --------------------------------------------------------------------------------------


def new_pdf():
    from fpdf import FPDF  # noqa: PLC0415

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("tools/make_sample_documents.py")
    for style, name in (("", "DejaVuSerif.ttf"), ("B", "DejaVuSerif-Bold.ttf")):  # two fonts: smaller files
        path = FONT_FOLDER / name
        if not path.is_file():
            sys.exit(
                f"Thiếu phông chữ {path}: cài gói Debian fonts-dejavu-core (apt-get install fonts-dejavu-core)."
            )
        pdf.add_font("DejaVu", style, str(path))
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    return pdf


def draw_document(pdf, doc):
    header, style, signature, signer = BODIES[doc["body_of"]]
    issued = day(doc["issued"])
    left_width, right_width = 70, 95
    top = pdf.get_y()
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(left_width, 5, "\n".join(header), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(left_width, 6, f"Số: {doc['number']}", align="C", new_x="LMARGIN", new_y="NEXT")
    if doc["form"] == "Công văn":
        pdf.set_font("DejaVu", "", 9)
        pdf.multi_cell(left_width, 5, doc["title"], align="C", new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    pdf.set_xy(25 + left_width, top)
    motto = {
        "state": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
        "party": ("ĐẢNG CỘNG SẢN VIỆT NAM", ""),
    }
    first, second = motto.get(style, (style.partition(":")[2], ""))
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(right_width, 5, first, align="C", new_x="LMARGIN", new_y="NEXT")
    if second:
        pdf.set_x(25 + left_width)
        pdf.multi_cell(right_width, 5, second, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(25 + left_width)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(
        right_width,
        7,
        f"Tân Hòa, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_y(max(bottom, pdf.get_y()) + 6)
    if doc["form"] != "Công văn":
        pdf.set_font("DejaVu", "B", 13)
        pdf.multi_cell(0, 7, doc["form"].upper(), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(0, 6, subject(doc), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    for paragraph in doc["body"]:
        pdf.multi_cell(0, 6, paragraph, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.ln(4)
    pdf.set_x(25 + left_width - 5)
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(
        right_width, 5, f"{signature}\n\n(Đã ký)\n\n{signer}", align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(70, 4.5, "Nơi nhận:\n- Như trên;\n- Lưu: VT.", align="L", new_x="LMARGIN", new_y="NEXT")


def subject(doc):
    """The trích yếu under the form's name, without repeating it: "Về dự toán…", "Phê duyệt…"."""
    title = doc["title"]
    if title.startswith(doc["form"] + " "):
        rest = title[len(doc["form"]) + 1 :]
        return rest[0].upper() + rest[1:]
    return title


def write_text_pdf(doc, path):
    pdf = new_pdf()
    draw_document(pdf, doc)
    pdf.output(str(path))


def write_scanned_pdf(doc, path):
    """A scan: the page drawn as a grey, slightly tilted image; no text in the PDF."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: PLC0415

    width, height = 827, 1169  # A4 at 100 dpi
    page = Image.new("L", (width, height), 244)
    draw = ImageDraw.Draw(page)
    regular = ImageFont.truetype(str(FONT_FOLDER / "DejaVuSerif.ttf"), 15)
    bold = ImageFont.truetype(str(FONT_FOLDER / "DejaVuSerif-Bold.ttf"), 15)
    header, _, signature, signer = BODIES[doc["body_of"]]
    y = 70
    for line in header:
        draw.text((190, y), line, font=bold, fill=30, anchor="ma")
        y += 22
    draw.text((190, y + 4), f"Số: {doc['number']}", font=regular, fill=30, anchor="ma")
    draw.text((560, 70), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, fill=30, anchor="ma")
    draw.text((560, 92), "Độc lập - Tự do - Hạnh phúc", font=bold, fill=30, anchor="ma")
    issued = day(doc["issued"])
    draw.text(
        (560, 122),
        f"Tân Hòa, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}",
        font=regular,
        fill=30,
        anchor="ma",
    )
    y = 200
    draw.text((width // 2, y), doc["form"].upper(), font=bold, fill=20, anchor="ma")
    y += 30
    for line in wrap(subject(doc), 70):
        draw.text((width // 2, y), line, font=bold, fill=20, anchor="ma")
        y += 22
    y += 20
    for paragraph in doc["body"]:
        for line in wrap(paragraph, 82):
            draw.text((90, y), line, font=regular, fill=35)
            y += 22
        y += 6
    y += 30
    for line in [*signature.split("\n"), "", "(Đã ký)", "", signer]:
        draw.text((560, y), line, font=bold, fill=30, anchor="ma")
        y += 22
    draw.ellipse((500, y - 150, 640, y - 10), outline=110, width=3)  # the red stamp, in grey
    speckle = Image.effect_noise((width, height), 40)  # paper grain and toner dust
    page = Image.blend(page, speckle, 0.12)
    page = page.rotate(0.6, fillcolor=240, resample=Image.Resampling.BICUBIC).filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=45, optimize=True)
    pdf = new_pdf()
    pdf.image(io.BytesIO(buffer.getvalue()), x=0, y=0, w=210, h=297)
    pdf.output(str(path))


def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


# --- DOCX and XLSX ----------------------------------------------------------------------------


def write_docx(doc, path):
    import docx  # noqa: PLC0415

    document = docx.Document()
    document.core_properties.created = FIXED.replace(tzinfo=None)
    document.core_properties.modified = FIXED.replace(tzinfo=None)
    document.core_properties.author = "UBND xã Tân Hòa"
    header, _, signature, signer = BODIES[doc["body_of"]]
    document.add_paragraph("\n".join(header))
    document.add_paragraph(f"Số: {doc['number']}")
    document.add_paragraph(doc["title"])
    issued = day(doc["issued"])
    document.add_paragraph(f"Tân Hòa, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}")
    for paragraph in doc["body"]:
        document.add_paragraph(paragraph)
    document.add_paragraph(f"{signature}\n(Đã ký)\n{signer}")
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(fixed_zip(buffer.getvalue()))


BUDGET_ROWS = [
    ("STT", "Nội dung", "Dự toán năm 2025 (triệu đồng)"),
    ("A", "TỔNG THU NGÂN SÁCH XÃ", 9865),
    ("1", "Thu ngân sách xã hưởng theo phân cấp", 2445),
    ("2", "Thu bổ sung từ ngân sách cấp trên", 7420),
    ("B", "TỔNG CHI NGÂN SÁCH XÃ", 9865),
    ("1", "Chi đầu tư phát triển", 1850),
    ("2", "Chi thường xuyên", 7820),
    ("3", "Dự phòng ngân sách", 195),
]


def write_xlsx(rows, path):
    """A one-sheet workbook in the smallest valid Office Open XML."""
    from xml.sax.saxutils import escape  # noqa: PLC0415

    def cell(column, row, value):
        ref = f"{'ABC'[column]}{row}"
        if isinstance(value, int):
            return f'<c r="{ref}"><v>{value}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'

    sheet_rows = "".join(
        f'<row r="{r}">{"".join(cell(c, r, v) for c, v in enumerate(values))}</row>'
        for r, values in enumerate(rows, start=1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Dự toán" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{main}"><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    path.write_bytes(buffer.getvalue())


def fixed_zip(data):
    """The same archive with fixed member times: the same document gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(
                zipfile.ZipInfo(info.filename, ZIP_TIME), source.read(info), zipfile.ZIP_DEFLATED
            )
    return buffer.getvalue()


# --- Markdown ---------------------------------------------------------------------------------


def markdown(doc, files, yaml_syntax):
    fields = [
        ("form", doc["form"]),
        ("number", doc["number"]),
        ("issuer", doc["issuer"]),
        ("signer", SIGNERS[doc["body_of"]]),
        ("issued", doc["issued"]),
        ("effective", doc.get("effective")),
        ("expires", doc.get("expires")),
        ("replaced_by", doc.get("replaced_by")),
        ("title", doc["title"]),
        ("field", doc["field"]),
        ("disclosure", "true" if doc.get("disclosure") else None),
    ]
    fields = [(name, value) for name, value in fields if value]
    if yaml_syntax:
        lines = ["---"]
        lines += [
            f'{name}: "{value}"' if ":" in value or value[0] in "*&!|>'%@`#[{" else f"{name}: {value}"
            for name, value in fields
        ]
        lines.append(f"files: [{', '.join(files)}]")
        lines.append("---")
    else:
        lines = [
            f"{name.capitalize() if name != 'replaced_by' else 'Replaced_by'}: {value}"
            for name, value in fields
        ]
        lines.append(f"Files: {', '.join(files)}")
    text = "\n".join(lines) + "\n"
    if doc.get("summary"):
        text += "\n" + doc["summary"] + "\n"
    return text


def write_document(doc, folder, index):
    stem = Path(doc["file"])
    target = folder / stem.parent
    target.mkdir(parents=True, exist_ok=True)
    files = []
    if doc.get("docx_only"):
        write_docx(doc, target / f"{stem.name}.docx")
        files.append(f"{stem.name}.docx")
    elif doc.get("scanned"):
        write_scanned_pdf(doc, target / f"{stem.name}.pdf")
        files.append(f"{stem.name}.pdf")
    else:
        write_text_pdf(doc, target / f"{stem.name}.pdf")
        files.append(f"{stem.name}.pdf")
    if doc.get("xlsx"):
        write_xlsx(BUDGET_ROWS, target / doc["xlsx"])
        files.append(doc["xlsx"])
    (target / f"{stem.name}.md").write_text(
        markdown(doc, files, yaml_syntax=index % 2 == 0), encoding="utf-8"
    )


# --- A large corpus for the benchmark -----------------------------------------------------------

BENCH_FORMS = [
    ("Quyết định", "QĐ"),
    ("Kế hoạch", "KH"),
    ("Thông báo", "TB"),
    ("Báo cáo", "BC"),
    ("Nghị quyết", "NQ"),
    ("Tờ trình", "TTr"),
]
BENCH_FIELDS = [
    "Tài chính – Ngân sách",
    "Kinh tế – Nông nghiệp",
    "Đất đai – Xây dựng",
    "Văn hóa – Xã hội",
    "Quốc phòng – An ninh",
    "Tư pháp – Hành chính",
]
BENCH_SUBJECTS = [
    "tổ chức hội nghị sơ kết công tác",
    "kiện toàn Ban Chỉ đạo",
    "phân bổ kinh phí hỗ trợ",
    "triển khai thực hiện chương trình",
    "kiểm tra việc chấp hành quy định",
    "phê duyệt danh sách hỗ trợ",
    "điều chỉnh kế hoạch vốn",
    "tăng cường công tác quản lý",
]
BENCH_PLACES = [
    "ấp Hòa Bình",
    "ấp Hòa Thạnh",
    "ấp Bàu Sen",
    "ấp Bến Đình",
    "ấp Gò Dầu",
    "ấp Rạch Tràm",
    "ấp Tân Phú",
    "ấp Phú Hòa",
]


def bench_corpus(count, folder):
    """Copy content/ into ``folder`` and add ``count`` generated documents, 2018–2026."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(ROOT / "content", folder)
    rng = random.Random(2026)
    numbers = {}
    for index in range(count):
        form, code = rng.choice(BENCH_FORMS)
        issuer = "HĐND" if form == "Nghị quyết" else "UBND"
        issued = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randrange(0, 3240))
        # From 1001: the sample's own documents keep their numbers (a number is once a year).
        number = numbers[(issued.year, issuer)] = numbers.get((issued.year, issuer), 1000) + 1
        subject = f"{rng.choice(BENCH_SUBJECTS)} tại {rng.choice(BENCH_PLACES)} năm {issued.year}"
        doc = {
            "file": f"{issued.year}/tu-dong-{index:05d}",
            "form": form,
            "number": f"{number}/{code}-{issuer}",
            "issuer": issuer,
            "body_of": "hdnd" if issuer == "HĐND" else "ubnd",
            "issued": issued.strftime("%d/%m/%Y"),
            "field": rng.choice(BENCH_FIELDS),
            "title": f"{form} về việc {subject}",
            "disclosure": rng.random() < 0.1,
            "body": [f"Nội dung {form.lower()} số {number}: {subject}, mã hồ sơ {rng.randrange(10**8):08d}."]
            * 3,
        }
        write_document(doc, folder / "van-ban", index)
    print(f"{count} văn bản trong {folder / 'van-ban'}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=int, metavar="N", help="N generated documents in a copy of content/")
    parser.add_argument("folder", nargs="?", help="with --bench: the new content folder")
    args = parser.parse_args(argv)
    if args.bench:
        if not args.folder:
            parser.error("--bench needs the folder to write")
        bench_corpus(args.bench, args.folder)
        return
    folder = ROOT / "content" / "van-ban"
    for index, doc in enumerate(DOCUMENTS):
        write_document(doc, folder, index)
    total = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    print(f"{len(DOCUMENTS)} văn bản trong {folder.relative_to(ROOT)} ({total // 1024} KB)")


if __name__ == "__main__":
    main()
