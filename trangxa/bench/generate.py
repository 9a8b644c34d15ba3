# ruff: noqa: E501 -- the vocabulary below is whole Vietnamese sentences, one per line.
"""Deterministic synthetic content for the benchmark (``invoke dev.bench``).

Writes N articles shaped like the commune's real news into a new content
folder: a lead paragraph, 300–1,500 words of Vietnamese administrative prose
from sentence templates, 0–3 photos with ``/// caption`` blocks (the sample
photos are copied), author and sometimes photographer, a category of
``SITE_CATEGORIES``, 1–2 organizations of ``content/organizations.yml``
written by short name or alias, day-first or ISO dates up to 15/11/2026, and
both front-matter syntaxes. Titles (and so slugs) are unique.

Everything comes from one ``random.Random(seed)``, consumed the same way
whatever the count: the first 1,000 articles of a 10,000-article corpus are
the 1,000-article corpus. No network, no model.

    python -m trangxa.bench.generate /tmp/corpus --count 10000 [--seed 2026]
"""

import argparse
import datetime
import json
import random
import re
import runpy
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

ROOT = Path(__file__).resolve().parents[2]  # the project folder
SOURCE_CONTENT = ROOT / "content"
START = datetime.date(2021, 1, 1)
END = datetime.date(2026, 11, 15)  # the newest article; today is later
WORDS = (300, 1500)
YAML_SHARE = 0.35

# --- Vocabulary ----------------------------------------------------------------

PLACES = [
    "Hòa Bình", "Hòa Thạnh", "Hòa Lợi A", "Hòa Lợi B", "Bàu Sen", "Bến Đình", "Gò Dầu",
    "Rạch Tràm", "Cây Gáo", "Tân Phú", "Tân Lập", "Phú Hòa", "Bàu Trai", "Suối Cát",
]  # fmt: skip
SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Mai", "Cao", "Đinh", "Tạ",
]  # fmt: skip
MIDDLE_MEN = ["Văn", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Công", "Xuân"]
MIDDLE_WOMEN = ["Thị", "Thu", "Ngọc", "Kim", "Thanh", "Mỹ", "Hồng"]
GIVEN_MEN = [
    "Hòa", "Hiếu", "Tùng", "Bình", "Chiến", "Khoa", "Trường", "Lực", "Hùng",
    "Dũng", "Phúc", "Tâm", "Nam", "Sơn", "Thắng", "Toàn", "Lộc", "Nghĩa",
]  # fmt: skip
GIVEN_WOMEN = [
    "Loan", "Lệ", "Yến", "Hạnh", "Thu", "Lan", "Mai", "Hương", "Nhung", "Trang", "Thảo", "Ngân", "Phượng",
]  # fmt: skip
AUTHORS = [
    "Nguyễn Thu", "Minh Chiến", "Lê Văn Tùng", "Đỗ Thanh Bình", "Trần Hải Yến", "Phạm Ngọc Hân",
    "Huỳnh Quốc Việt", "Võ Thị Mỹ Linh", "Đặng Minh Khôi", "Bùi Thanh Tâm", "Ngô Hồng Nhung",
    "Ban Tuyên giáo Đảng ủy xã", "Văn phòng HĐND – UBND xã",
]  # fmt: skip
PHOTOGRAPHERS = ["Vũ Chiến", "Minh Chiến", "Quang Huy", "Thanh Tùng", "Hoàng Long", "Kim Ngân"]
POSITIONS = [
    "Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Bí thư Đảng ủy xã", "Phó Bí thư Thường trực Đảng ủy xã",
    "Chủ tịch HĐND xã", "Chủ tịch Ủy ban MTTQ Việt Nam xã", "Chủ tịch Hội Nông dân xã",
    "Chủ tịch Hội LHPN xã", "Bí thư Đoàn xã", "Trưởng Công an xã", "Chỉ huy trưởng Ban CHQS xã",
    "Trưởng ấp {place}", "công chức Văn phòng – Thống kê xã", "công chức Địa chính – Xây dựng xã",
]  # fmt: skip

POOLS = {
    "place": PLACES,
    "position": POSITIONS,
    "crop": ["lúa", "bắp lai", "đậu phộng", "khoai mì", "rau màu"],
    "fruit": ["sầu riêng", "bưởi da xanh", "xoài cát Hòa Lộc", "chôm chôm", "mít Thái", "cam sành"],
    "fish": ["thát lát", "rô phi", "điêu hồng", "lóc"],
    "season": ["Đông Xuân", "Hè Thu", "Thu Đông"],
    "technique": [
        "bón phân hữu cơ",
        "tưới tiết kiệm nước",
        "phòng trừ sâu bệnh tổng hợp",
        "sản xuất lúa theo hướng VietGAP",
        "ghép cải tạo vườn cây ăn trái",
        "nuôi cá lồng bè an toàn",
    ],
    "model": [
        "trồng {fruit} theo tiêu chuẩn VietGAP",
        "sản xuất lúa hữu cơ",
        "nuôi bò vỗ béo",
        "trồng nấm rơm trong nhà",
        "nuôi cá {fish} trong ao đất",
        "tưới nhỏ giọt cho vườn {fruit}",
    ],
    "product": [
        "gạo hữu cơ Tân Hòa",
        "sầu riêng",
        "bưởi da xanh",
        "mật ong rừng tràm",
        "nấm rơm",
        "khô cá lóc",
    ],
    "coop": [
        "Hợp tác xã Nông nghiệp Tân Hòa",
        "Hợp tác xã Dịch vụ Hòa Thạnh",
        "Tổ hợp tác rau an toàn ấp {place}",
    ],
    "beneficiary": [
        "hộ nghèo",
        "hộ cận nghèo",
        "hộ mới thoát nghèo",
        "hộ sản xuất kinh doanh vùng khó khăn",
        "gia đình chính sách",
    ],
    "road_type": ["bê tông nông thôn", "giao thông nội đồng", "liên ấp", "nhựa liên xã"],
    "bridge": ["Rạch Tràm", "Bàu Sen", "Cây Gáo", "Kênh Ngang", "Ông Đồ", "Bến Đình"],
    "procedure": [
        "đăng ký khai sinh",
        "chứng thực bản sao",
        "đăng ký thường trú",
        "đăng ký kết hôn",
        "cấp đổi giấy chứng nhận quyền sử dụng đất",
        "cấp căn cước",
    ],
    "campaign": [
        "Tháng Thanh niên",
        "chiến dịch Mùa hè xanh",
        "Ngày Chủ nhật xanh",
        "chiến dịch làm sạch môi trường",
    ],
    "emulation": [
        "“Dân vận khéo”",
        "“Toàn dân đoàn kết xây dựng nông thôn mới”",
        "“Phụ nữ tích cực học tập, lao động sáng tạo”",
        "“Nông dân sản xuất, kinh doanh giỏi”",
    ],
    "holiday": [
        "Ngày Quốc khánh 2/9",
        "Ngày Phụ nữ Việt Nam 20/10",
        "Ngày Nhà giáo Việt Nam 20/11",
        "Xuân mới",
        "Ngày Thương binh – Liệt sĩ 27/7",
        "Ngày thành lập Đảng 3/2",
    ],
    "contest": [
        "Phụ nữ khéo tay đảm đang",
        "Tìm hiểu pháp luật về phòng, chống ma túy",
        "Gia đình văn hóa tiêu biểu",
        "Tiếng hát người cao tuổi",
    ],
    "pccc_site": [
        "chợ Tân Hòa",
        "Trường THCS Tân Hòa",
        "kho lúa Hợp tác xã Nông nghiệp Tân Hòa",
        "khu dân cư ấp {place}",
    ],
    "security_model": [
        "Camera an ninh",
        "Khu dân cư an toàn về phòng cháy chữa cháy",
        "Tổ liên gia an toàn",
        "Ấp không có tội phạm ma túy",
    ],
    "job": [
        "nhân viên hợp đồng Trung tâm Phục vụ hành chính công",
        "giáo viên mầm non hợp đồng",
        "nhân viên bảo vệ trụ sở",
        "cộng tác viên dân số",
    ],
    "holiday_off": [
        "Tết Dương lịch",
        "Tết Nguyên đán",
        "Giỗ Tổ Hùng Vương",
        "lễ 30/4 và 1/5",
        "Quốc khánh 2/9",
    ],
    "consult": [
        "dự thảo quy hoạch sử dụng đất",
        "dự thảo quy chế dân chủ ở cơ sở",
        "phương án đặt tên đường trên địa bàn xã",
    ],
    "quote": [
        "Trước đây đi lại khó khăn lắm, mùa mưa là bùn lầy. Giờ đường đẹp, bà con ai cũng mừng.",
        "Được tập huấn, tôi biết cách làm bài bản hơn, chi phí giảm mà năng suất lại tăng.",
        "Gia đình tôi rất cảm ơn chính quyền và các đoàn thể đã quan tâm, giúp đỡ trong lúc khó khăn.",
        "Giờ làm thủ tục trên điện thoại, không phải chờ đợi như trước, tiện lắm.",
        "Tôi sẽ vận động con cháu và bà con trong xóm cùng tham gia.",
        "Năm nay được mùa, được giá, bà con phấn khởi lắm.",
    ],
    "quote_official": [
        "Người dân đánh giá chính quyền qua từng việc cụ thể. Chúng ta phải làm đến nơi đến chốn, không hình thức.",
        "Mỗi cán bộ, đảng viên phải thật sự nêu gương, nói đi đôi với làm.",
        "Không để ai bị bỏ lại phía sau, đó là mục tiêu xuyên suốt của xã trong năm {year}.",
        "Các ấp phải chủ động, không trông chờ, ỷ lại; làm đến đâu chắc đến đó.",
        "Việc gì có lợi cho dân thì phải hết sức làm, việc gì có hại cho dân thì phải hết sức tránh.",
    ],
}


def _int(low, high):
    return lambda rng: f"{rng.randint(low, high):,}".replace(",", ".")


def _decimal(low, high, unit=""):
    return lambda rng: f"{rng.randint(low, high)},{rng.randint(1, 9)}{unit}"


NUMBERS = {
    "n_tiny": _int(2, 9),
    "n_small": _int(3, 60),
    "n_mid": _int(60, 950),
    "n_big": _int(1000, 9999),
    "pct": _decimal(62, 99, "%"),
    "pct_small": _decimal(10, 35, "%"),
    "pct_big": _decimal(101, 135, "%"),
    "km": _decimal(0, 6, " km"),
    "ha": _int(20, 850),
    "yield": _decimal(5, 8),
    "income": _int(58, 96),
    "area_m2": _int(48, 90),
    "hour": _int(7, 16),
    "phone4": _int(3000, 3999),
    "money": lambda rng: (
        f"{rng.randint(1, 38)},{rng.randint(1, 9)} tỷ đồng"
        if rng.random() < 0.4
        else f"{rng.randint(25, 950)} triệu đồng"
    ),
    "money_small": lambda rng: rng.choice(
        ["500.000 đồng", "1 triệu đồng", "1,5 triệu đồng", "2 triệu đồng", "3 triệu đồng"]
    ),
    "day2": _int(1, 28),
    "month2": _int(1, 12),
    "quarter": lambda rng: rng.choice(["I", "II", "III", "IV"]),
}


def person(rng):
    if rng.random() < 0.55:
        return f"ông {rng.choice(SURNAMES)} {rng.choice(MIDDLE_MEN)} {rng.choice(GIVEN_MEN)}"
    return f"bà {rng.choice(SURNAMES)} {rng.choice(MIDDLE_WOMEN)} {rng.choice(GIVEN_WOMEN)}"


GENERIC = [
    "Theo báo cáo, trong năm {year}, {org_full} đã tổ chức {n_small} cuộc họp chuyên đề, thu hút hơn {n_big} lượt người tham dự.",
    "Đến nay, {pct} chỉ tiêu đề ra từ đầu năm đã được hoàn thành, trong đó nhiều chỉ tiêu vượt kế hoạch.",
    "Công tác tuyên truyền được đẩy mạnh qua hệ thống loa truyền thanh của các ấp, trang thông tin điện tử xã và các nhóm Zalo khu dân cư.",
    "Bên cạnh kết quả đạt được, {org_full} cũng thẳng thắn chỉ ra một số hạn chế như nguồn lực còn thiếu, sự phối hợp giữa các ngành có lúc chưa chặt chẽ.",
    "Phát biểu chỉ đạo, {person}, {position}, đề nghị các ngành, đoàn thể tiếp tục bám sát cơ sở, kịp thời nắm bắt tâm tư, nguyện vọng của Nhân dân.",
    "Các ấp cần chủ động rà soát, lập danh sách cụ thể và báo cáo kết quả về UBND xã trước ngày {day2}/{month2}.",
    "Các đại biểu đã tập trung thảo luận, đóng góp nhiều ý kiến tâm huyết, sát với thực tiễn của địa phương.",
    "Tổng kinh phí thực hiện hơn {money}, trong đó ngân sách xã hỗ trợ {pct_small}, phần còn lại do Nhân dân đóng góp và vận động xã hội hóa.",
    "Ấp {place} là một trong những ấp dẫn đầu phong trào, với {n_mid} hộ tham gia và nhiều cách làm sáng tạo.",
    "Thời gian tới, {org_full} sẽ tiếp tục phối hợp với {org_other} nhân rộng các mô hình hiệu quả ra toàn xã.",
    "Nhiều người dân bày tỏ phấn khởi, tin tưởng vào sự quan tâm của cấp ủy, chính quyền địa phương.",
    "Được biết, đây là năm thứ {n_tiny} liên tiếp {org_full} tổ chức hoạt động này.",
    "Kết thúc buổi làm việc, đoàn đã đi thực tế tại ấp {place} để nắm tình hình cụ thể.",
    "Theo kế hoạch, các nội dung trên sẽ được triển khai thí điểm tại ấp {place} và ấp {place} trước khi nhân rộng.",
    "Cán bộ các ấp được phân công bám sát địa bàn, hướng dẫn người dân thực hiện đúng quy định.",
    "Toàn xã hiện có {n_big} hộ với hơn {n_big} nhân khẩu, sinh sống tại 14 ấp.",
    "Những kết quả này góp phần quan trọng vào việc hoàn thành các chỉ tiêu kinh tế – xã hội năm {year} của xã.",
    "Dịp này, {org_full} đã khen thưởng {n_small} tập thể và {n_small} cá nhân có thành tích xuất sắc.",
    "Hội nghị cũng đã thông qua kế hoạch thực hiện nhiệm vụ trong thời gian tới với {n_tiny} nhóm giải pháp trọng tâm.",
    "Ngay sau đó, các bộ phận chuyên môn được giao xây dựng kế hoạch chi tiết, phân công rõ người, rõ việc, rõ thời gian hoàn thành.",
    "Theo {person}, {position}, cái khó nhất hiện nay là nguồn vốn còn hạn chế trong khi nhu cầu của người dân ngày càng cao.",
    "Việc thực hiện được công khai, minh bạch, có sự giám sát của Ban Thanh tra nhân dân và Ban Giám sát đầu tư của cộng đồng.",
    "Ủy ban MTTQ và các đoàn thể xã sẽ tăng cường giám sát, kịp thời phản ánh những vướng mắc đến chính quyền để có hướng xử lý.",
    "Nhờ làm tốt công tác dân vận, nhiều hộ dân đã tự nguyện hiến đất, tháo dỡ hàng rào để mở rộng đường.",
    "Trong quá trình triển khai, xã luôn chú trọng lắng nghe ý kiến của người dân, kịp thời tháo gỡ khó khăn, vướng mắc.",
    "Buổi sinh hoạt diễn ra trong không khí cởi mở, thân tình.",
    "Mỗi đoàn viên, hội viên được yêu cầu phát huy vai trò nêu gương, vận động gia đình và bà con lối xóm cùng thực hiện.",
    "Đây là hoạt động thiết thực, góp phần nâng cao đời sống vật chất và tinh thần cho người dân trên địa bàn.",
    "Ngoài ra, xã còn phối hợp với các doanh nghiệp, nhà hảo tâm vận động được {money} để hỗ trợ các hộ khó khăn.",
]
LEAD_TAILS = [
    "Dự có {person}, {position}, cùng đại diện lãnh đạo các ban, ngành, đoàn thể xã và đông đảo người dân.",
    "Tham dự có hơn {n_mid} đại biểu, đoàn viên, hội viên và người dân các ấp.",
    "Đây là hoạt động nằm trong kế hoạch công tác năm {year} của {org_full}.",
    "Hoạt động được tổ chức nhằm cụ thể hóa nghị quyết của Đảng ủy xã về nhiệm vụ năm {year}.",
    "{Person}, {position}, chủ trì {event_short}.",
]
QUOTES = [
    "{Person}, ngụ ấp {place}, chia sẻ: “{quote}”",
    "“{quote}”, {person} ({n_age} tuổi, ấp {place}) cho biết.",
    "{Person}, {position}, nhấn mạnh: “{quote_official}”",
]
CLOSINGS = [
    "Dịp này, {org_full} trao giấy khen cho {n_small} tập thể và {n_small} cá nhân có thành tích tiêu biểu.",
    "Thời gian tới, xã sẽ tiếp tục theo dõi, đôn đốc và định kỳ báo cáo kết quả thực hiện.",
    "Kết quả thực hiện sẽ được sơ kết vào cuối quý {quarter} năm {year} để rút kinh nghiệm.",
]

# Per category: organizations (slugs) that write about it, events (the article's
# subject, used in its title, lead and captions), titles, tags and sentences.
CATEGORIES = {
    "Tin tức – Sự kiện": {
        "orgs": [
            "dang-uy",
            "mttq",
            "doan-thanh-nien",
            "hoi-lhpn",
            "hoi-cuu-chien-binh",
            "hoi-nguoi-cao-tuoi",
        ],
        "events": [
            "hội nghị sơ kết công tác 6 tháng đầu năm",
            "hội nghị tổng kết công tác năm {prev_year}",
            "lễ ra quân {campaign}",
            "buổi gặp mặt đại biểu tiêu biểu các ấp",
            "hội nghị học tập, quán triệt nghị quyết của Đảng",
            "lễ phát động phong trào thi đua {emulation}",
            "chương trình giao lưu văn nghệ chào mừng {holiday}",
            "lễ trao Huy hiệu Đảng cho {n_tiny} đảng viên",
            "hội nghị đối thoại với đoàn viên, hội viên",
            "buổi họp mặt kỷ niệm ngày truyền thống",
        ],
        "titles": [
            "{Org_title} tổ chức {event}",
            "{Org_title} tổ chức {event} năm {year}",
            "Sôi nổi {event} ở ấp {site}",
            "{Org_title}: {event} tại ấp {site}",
            "Ấp {site} tổ chức {event}",
            "Tân Hòa: {event}, tháng {month}/{year}",
        ],
        "tags": ["hội nghị", "thi đua", "đoàn thể", "xây dựng Đảng", "dân vận", "môi trường"],
        "sentences": [
            "Năm {year}, Đảng bộ xã có {n_mid} đảng viên sinh hoạt tại {n_small} chi bộ trực thuộc.",
            "Hội nghị đã nghe báo cáo đánh giá kết quả thực hiện nhiệm vụ và phương hướng trong thời gian tới.",
            "Tại buổi lễ, các đại biểu đã ôn lại truyền thống vẻ vang của {org_full} qua các thời kỳ.",
            "Chương trình văn nghệ với nhiều tiết mục đặc sắc do đoàn viên, hội viên các ấp biểu diễn đã mang lại không khí vui tươi, phấn khởi.",
            "Hơn {n_mid} đoàn viên, hội viên đã tham gia dọn vệ sinh, phát quang bụi rậm và trồng {n_mid} cây xanh dọc tuyến đường ấp {place}.",
            "Trong nhiệm kỳ qua, {org_full} đã vận động xây dựng {n_small} căn nhà Đại đoàn kết, trị giá hơn {money}.",
            "Các đại biểu thống nhất cao với dự thảo báo cáo và kiến nghị nhiều giải pháp để nâng cao chất lượng hoạt động.",
            "Phong trào thi đua {emulation} được triển khai sâu rộng, thu hút đông đảo hội viên tham gia.",
        ],
    },
    "Chỉ đạo – Điều hành": {
        "orgs": ["ubnd", "hdnd", "dang-uy"],
        "events": [
            "buổi làm việc về tiến độ giải ngân vốn đầu tư công",
            "cuộc họp triển khai kế hoạch chuyển đổi số",
            "buổi kiểm tra công tác cải cách hành chính",
            "hội nghị triển khai nhiệm vụ trọng tâm quý {quarter}",
            "kỳ họp thường lệ cuối năm",
            "buổi tiếp xúc cử tri trước kỳ họp",
            "buổi giám sát việc giải quyết thủ tục {procedure}",
            "hội nghị đối thoại về bồi thường, giải phóng mặt bằng",
        ],
        "titles": [
            "{Org_title} tổ chức {event}",
            "{Org_title} chủ trì {event} tháng {month}/{year}",
            "Tân Hòa: {event} tại ấp {site}",
            "{Event} tại Trung tâm Phục vụ hành chính công xã",
            "{Org_title} chỉ đạo đẩy nhanh {directive} năm {year}",
            "Đẩy nhanh {directive} tại ấp {site}",
        ],
        "tags": [
            "cải cách hành chính",
            "chuyển đổi số",
            "đầu tư công",
            "tiếp xúc cử tri",
            "dịch vụ công trực tuyến",
        ],
        "sentences": [
            "Từ đầu năm đến nay, Trung tâm Phục vụ hành chính công xã đã tiếp nhận {n_big} hồ sơ, trong đó {pct} được nộp trực tuyến.",
            "Tỷ lệ giải ngân vốn đầu tư công đến nay mới đạt {pct} kế hoạch, thấp hơn cùng kỳ năm {prev_year}.",
            "Chủ tịch UBND xã yêu cầu công chức chuyên môn rà soát từng dự án, xác định rõ điểm nghẽn và đề xuất giải pháp tháo gỡ.",
            "Thủ tục {procedure} hiện được giải quyết trong {n_tiny} ngày làm việc, rút ngắn đáng kể so với quy định.",
            "Kỳ họp đã xem xét, thông qua {n_small} nghị quyết quan trọng về kinh tế – xã hội, ngân sách và đầu tư công.",
            "Tại buổi tiếp xúc, cử tri ấp {place} kiến nghị sớm nâng cấp tuyến đường {road_type} và lắp thêm đèn chiếu sáng.",
            "Các kiến nghị của cử tri đều được lãnh đạo xã tiếp thu, giải trình cụ thể; nội dung vượt thẩm quyền được tổng hợp, báo cáo cấp trên.",
            "Xã đã thành lập {n_tiny} tổ công nghệ số cộng đồng, hướng dẫn người dân cài đặt và sử dụng ứng dụng định danh điện tử.",
            "Công tác số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt {pct}, tăng so với cùng kỳ.",
            "Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt {pct}.",
        ],
    },
    "Kinh tế": {
        "orgs": ["hoi-nong-dan", "ubnd", "hoi-lhpn"],
        "events": [
            "lớp tập huấn kỹ thuật {technique}",
            "hội thảo đầu bờ mô hình {model}",
            "buổi ký kết hợp đồng bao tiêu {product}",
            "lễ khởi công tuyến đường {road_type} ấp {site}",
            "lễ khánh thành cầu {bridge}",
            "phiên giao dịch việc làm lưu động",
            "hội nghị giải ngân vốn vay ưu đãi cho {beneficiary}",
            "ngày hội nông dân thu hoạch {crop} vụ {season}",
        ],
        "titles": [
            "{Org_title} tổ chức {event}",
            "Ấp {site}: {event}",
            "{Event} tại ấp {site}",
            "Nông dân ấp {site} hưởng lợi từ mô hình {model}",
            "Tân Hòa: {event} năm {year}",
            "Ấp {site} thu hoạch {crop} vụ {season} {year}, năng suất đạt {yield} tấn/ha",
        ],
        "tags": ["nông nghiệp", "nông thôn mới", "OCOP", "giao thông nông thôn", "vốn vay", "cây ăn trái"],
        "sentences": [
            "Vụ {season} năm {year}, toàn xã gieo trồng {n_big} ha lúa, năng suất bình quân ước đạt {yield} tấn/ha.",
            "Với giá bán hiện nay, mỗi héc-ta {fruit} cho lợi nhuận khoảng {money} mỗi năm.",
            "Mô hình {model} tại ấp {place} đã giúp nông dân giảm {pct_small} chi phí phân bón, thuốc bảo vệ thực vật.",
            "Tuyến đường có chiều dài {km}, mặt đường rộng 3,5 m, kết cấu bê tông xi măng, tổng mức đầu tư hơn {money}.",
            "Ngân hàng Chính sách xã hội đã giải ngân {money} cho {n_mid} lượt hộ vay vốn phát triển sản xuất, tạo việc làm.",
            "{Coop} hiện có {n_mid} thành viên, liên kết sản xuất trên diện tích {ha} ha.",
            "Thu nhập bình quân đầu người của xã năm {year} ước đạt {income} triệu đồng/người/năm.",
            "Doanh nghiệp cam kết thu mua toàn bộ sản phẩm với giá không thấp hơn giá thị trường tại thời điểm thu hoạch.",
            "Các học viên được hướng dẫn cách chọn giống, làm đất, bón phân cân đối và nhận biết một số loại sâu bệnh thường gặp.",
            "Hiện xã có {n_tiny} sản phẩm đạt chuẩn OCOP từ 3 sao trở lên, trong đó nổi bật là {product}.",
            "Nhờ chuyển đổi cơ cấu cây trồng, nhiều hộ ở ấp {place} đã thoát nghèo bền vững, xây được nhà kiên cố.",
            "Tổng thu ngân sách trên địa bàn đến nay ước đạt {money}, bằng {pct_big} dự toán năm.",
        ],
    },
    "Văn hóa – Xã hội": {
        "orgs": ["mttq", "hoi-lhpn", "doan-thanh-nien", "hoi-nguoi-cao-tuoi", "hoi-cuu-chien-binh", "ubnd"],
        "events": [
            "lễ khai giảng năm học {school_year}",
            "chương trình trao học bổng “Tiếp sức đến trường”",
            "lễ bàn giao nhà Đại đoàn kết cho {beneficiary} ấp {site}",
            "Ngày hội Đại đoàn kết toàn dân tộc",
            "đợt khám bệnh, cấp thuốc miễn phí cho người cao tuổi",
            "đợt tiêm chủng mở rộng cho trẻ em",
            "hội thi “{contest}”",
            "giải bóng đá thiếu niên nhi đồng",
            "chương trình “Xuân yêu thương” trao quà Tết",
            "tọa đàm về bình đẳng giới và phòng, chống bạo lực gia đình",
        ],
        "titles": [
            "{Org_title} tổ chức {event}",
            "Ấm áp {event} ở ấp {site}",
            "{Event} tại ấp {site} năm {year}",
            "Ấp {site} tổ chức {event}",
            "{Org_title}: {event}, tháng {month}/{year}",
        ],
        "tags": ["giáo dục", "y tế", "an sinh xã hội", "nhà Đại đoàn kết", "văn hóa – thể thao", "gia đình"],
        "sentences": [
            "Năm học {school_year}, toàn xã có {n_big} học sinh ở {n_tiny} trường mầm non, tiểu học và trung học cơ sở.",
            "Trạm Y tế xã đã khám, tư vấn sức khỏe và cấp thuốc miễn phí cho {n_mid} người cao tuổi, người có hoàn cảnh khó khăn.",
            "Mỗi suất học bổng trị giá {money_small}, kèm theo cặp sách, đồng phục và dụng cụ học tập.",
            "Căn nhà rộng {area_m2} m², được xây dựng kiên cố với tổng kinh phí {money}, trong đó Quỹ “Vì người nghèo” xã hỗ trợ một phần.",
            "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” năm {year} đạt {pct}.",
            "Tỷ lệ người dân tham gia bảo hiểm y tế trên địa bàn xã đạt {pct}, vượt chỉ tiêu được giao.",
            "Hội thi thu hút {n_tiny} đội đến từ các ấp và các chi hội trên địa bàn xã tham gia.",
            "Ban tổ chức đã trao giải nhất cho đội ấp {place}, giải nhì cho đội ấp {place} và giải ba cho đội ấp {place}.",
            "Các em nhận học bổng đều có thành tích học tập khá, giỏi, vượt khó vươn lên trong học tập.",
            "Phong trào thể dục thể thao quần chúng tiếp tục phát triển với {n_small} câu lạc bộ hoạt động thường xuyên.",
            "Nhân dịp này, các nhà hảo tâm đã trao tặng {n_mid} phần quà, mỗi phần trị giá {money_small}.",
        ],
    },
    "Quốc phòng – An ninh": {
        "orgs": ["cong-an-xa", "ban-chqs"],
        "events": [
            "lễ giao nhận quân",
            "buổi diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại {pccc_site}",
            "lễ ra mắt mô hình “{security_model}”",
            "đợt huấn luyện dân quân năm {year}",
            "hội nghị sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc",
            "buổi tuyên truyền phòng, chống lừa đảo qua mạng",
            "buổi kiểm tra vũ khí, trang bị của lực lượng dân quân",
            "buổi tuyên truyền Luật Nghĩa vụ quân sự",
        ],
        "titles": [
            "{Org_title} tổ chức {event}",
            "{Event} ở ấp {site}",
            "Tân Hòa: {event} năm {year}",
            "{Org_title}: {event} tại ấp {site}",
            "Ấp {site} tổ chức {event}, tháng {month}/{year}",
        ],
        "tags": [
            "nghĩa vụ quân sự",
            "phòng cháy chữa cháy",
            "an ninh trật tự",
            "dân quân",
            "lừa đảo qua mạng",
        ],
        "sentences": [
            "Năm nay, xã giao {n_small} tân binh, trong đó có {n_tiny} thanh niên thực hiện nghĩa vụ tham gia Công an nhân dân.",
            "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định, không để xảy ra vụ việc phức tạp.",
            "Từ đầu năm đến nay, Công an xã đã tiếp nhận {n_small} tin báo, tố giác tội phạm, giải quyết đạt {pct}.",
            "Hệ thống {n_mid} camera an ninh do Nhân dân đóng góp lắp đặt đã giúp lực lượng chức năng kịp thời phát hiện, xử lý nhiều vụ việc.",
            "Lực lượng dân quân được huấn luyện đủ nội dung, thời gian theo kế hoạch; {pct} kết quả kiểm tra đạt khá, giỏi.",
            "Người dân cần cảnh giác với các cuộc gọi giả danh cơ quan công an, ngân hàng yêu cầu chuyển tiền hoặc cung cấp mã OTP.",
            "Tình huống giả định đám cháy xảy ra lúc {hour} giờ tại {pccc_site}, có {n_tiny} người mắc kẹt cần cứu nạn.",
            "Ngay khi nhận tin báo, lực lượng chữa cháy tại chỗ đã triển khai {n_tiny} lăng phun nước, khống chế đám cháy sau {n_small} phút.",
            "Mỗi tân binh được Hội đồng Nghĩa vụ quân sự xã tặng quà trị giá {money_small}.",
            "Công an xã phối hợp với Ban CHQS xã tổ chức {n_mid} lượt tuần tra, kiểm soát trên các tuyến đường trọng điểm.",
        ],
    },
    "Thông báo": {
        "orgs": ["ubnd", "cong-an-xa"],
        "events": [
            "lịch tiếp công dân tháng {month}/{year}",
            "tạm ngừng cung cấp điện ấp {site} ngày {day2}/{month2}",
            "tuyển dụng {n_tiny} {job}",
            "lịch nghỉ {holiday_off} năm {year}",
            "kế hoạch tiêm chủng đợt {n_tiny} năm {year}",
            "cấp căn cước lưu động tại ấp {site}",
            "lấy ý kiến Nhân dân về {consult}",
            "thu hồi đất thực hiện dự án đường {road_type} ấp {site}",
        ],
        "titles": ["Thông báo {event}", "{Org_title} thông báo {event}", "Thông báo về việc {event}"],
        "tags": ["thông báo", "lịch làm việc", "tuyển dụng", "tiêm chủng", "căn cước"],
        "sentences": [
            "Đề nghị người dân sắp xếp thời gian, chủ động chuẩn bị để không ảnh hưởng đến sinh hoạt và sản xuất.",
            "Mọi thắc mắc xin liên hệ bộ phận một cửa hoặc gọi đường dây nóng của xã để được hướng dẫn.",
            "UBND xã đề nghị Trưởng các ấp thông báo rộng rãi nội dung này trên loa truyền thanh và các nhóm Zalo khu dân cư.",
            "Trong thời gian trên, các trường hợp khẩn cấp vẫn được tiếp nhận và giải quyết theo quy định.",
            "Đơn vị điện lực sẽ đóng điện trở lại sớm nếu công việc hoàn thành trước thời gian dự kiến.",
            "UBND xã trân trọng thông báo để Nhân dân được biết và thực hiện.",
        ],
        "items": [
            "Thời gian: từ {hour} giờ ngày {day2}/{month2}/{year}.",
            "Địa điểm: Trung tâm Phục vụ hành chính công xã, ấp Hòa Bình.",
            "Đối tượng: công dân thường trú trên địa bàn ấp {place} và các ấp lân cận.",
            "Hồ sơ gồm: đơn đăng ký, bản sao căn cước, sơ yếu lý lịch có xác nhận của địa phương.",
            "Liên hệ: Văn phòng UBND xã, điện thoại 0274 381 {phone4}.",
            "Hạn cuối nhận hồ sơ: ngày {day2}/{month2}/{year}.",
        ],
    },
}
DIRECTIVES = ["giải ngân vốn đầu tư công", "chuyển đổi số", "cải cách hành chính", "số hóa hồ sơ đất đai"]
ALTS = [
    "Đại biểu tham dự {event}", "Người dân ấp {place} tham gia {event}", "Quang cảnh {event}",
    "Cán bộ xã trao đổi với người dân tại ấp {place}",
]  # fmt: skip
CAPTIONS = [
    "Quang cảnh {event}.", "{Person}, {position}, phát biểu tại {event}.",
    "Người dân ấp {place} tham gia {event}.", "Đại biểu dự {event} chụp ảnh lưu niệm.",
]  # fmt: skip
EDIT_SENTENCE = (
    "Bài viết được cập nhật: UBND xã tiếp tục theo dõi và sẽ thông tin kết quả trong thời gian tới."
)

# --- Filling templates -----------------------------------------------------------


class Slots(dict):
    """Context values plus fresh random ones for every other ``{slot}``.

    ``{Name}`` is ``{name}`` with a capital first letter. Within one sentence a
    place is not repeated ("giải nhất ấp A, giải nhì ấp B").
    """

    def __init__(self, rng, context):
        super().__init__(context)
        self.rng = rng
        self.used = set()

    def __missing__(self, key):
        if key[0].isupper():
            value = self[key[0].lower() + key[1:]]
            return value[:1].upper() + value[1:]
        rng = self.rng
        if key in NUMBERS:
            return NUMBERS[key](rng)
        if key == "person":
            return person(rng)
        if key == "n_age":
            return str(rng.randint(45, 82))
        choices = POOLS[key]
        value = rng.choice(choices)
        for _ in range(3):
            if value not in self.used:
                break
            value = rng.choice(choices)
        self.used.add(value)
        return fill(rng, value, self) if "{" in value else value


def fill(rng, template, context):
    """``template`` with its slots filled; a dict context gets fresh random slots."""
    slots = context if isinstance(context, Slots) else Slots(rng, context)
    return template.format_map(slots)


# --- One article -------------------------------------------------------------------


@dataclass
class Organization:
    slug: str
    name: str
    short_name: str
    aliases: list


def load_organizations(path):
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [
        Organization(e["slug"], e["name"], e.get("short_name") or e["name"], list(e.get("aliases") or []))
        for e in entries
    ]


def load_categories(settings_file=ROOT / "pelicanconf.py"):
    return list(runpy.run_path(str(settings_file))["SITE_CATEGORIES"])


@dataclass
class Article:
    slug: str
    year: int
    text: str
    words: int
    meta: dict = field(default_factory=dict)


def short_event(event):
    """ "hội nghị sơ kết … năm 2024" -> "hội nghị": what a later sentence calls it."""
    words = event.split()
    if words[0] == "lễ":
        return "buổi lễ"
    return " ".join(words[:2]) if words[0] in ("hội", "lớp", "cuộc") else "chương trình"


def title_form(organization, rng):
    short = organization.short_name
    with_commune = short if short.endswith(" xã") else f"{short} xã"
    return rng.choice([with_commune, with_commune, organization.name])


def format_date(rng, moment, yaml_syntax):
    roll = rng.random()
    if roll < 0.55:
        return moment.strftime("%d/%m/%Y %H:%M")
    if roll < 0.65:
        return f"{moment.day}/{moment.month}/{moment.year} {moment:%H:%M}"
    if roll < 0.75:
        return moment.strftime("%d/%m/%Y")
    if yaml_syntax and roll < 0.85:
        return moment.strftime("%Y-%m-%d %H:%M:%S")  # YAML reads it as a datetime
    return moment.strftime("%Y-%m-%d %H:%M")


def random_moment(rng, day=None):
    if day is None:
        day = START + datetime.timedelta(days=rng.randrange((END - START).days + 1))
    hour = rng.choice([6, 7, 7, 8, 8, 9, 9, 10, 11, 13, 14, 14, 15, 16, 17, 19, 20])
    return datetime.datetime(day.year, day.month, day.day, hour, rng.choice([0, 0, 0, 15, 30, 30, 45]))


class ArticleMaker:
    def __init__(self, rng, categories, organizations, images, taken_slugs=()):
        self.rng = rng
        self.categories = categories
        self.organizations = organizations
        self.by_slug = {o.slug: o for o in organizations}
        self.images = images  # relative paths, e.g. images/2024/a.jpg
        self.images_by_year = {}
        for image in images:
            self.images_by_year.setdefault(image.split("/")[1], []).append(image)
        self.taken = set(taken_slugs)

    def make(self, moment=None):
        rng = self.rng
        moment = moment or random_moment(rng)
        category = rng.choice(self.categories)
        topic = CATEGORIES.get(category) or CATEGORIES["Tin tức – Sự kiện"]
        candidates = [self.by_slug[s] for s in topic["orgs"] if s in self.by_slug] or self.organizations
        orgs = rng.sample(candidates, min(len(candidates), rng.choice([1, 1, 1, 2])))
        others = [o for o in self.organizations if o not in orgs]
        context = {
            "year": str(moment.year),
            "prev_year": str(moment.year - 1),
            "month": str(moment.month),
            "day": str(moment.day),
            "school_year": f"{moment.year}–{moment.year + 1}",
            "org_full": orgs[0].name,
            "org_title": title_form(orgs[0], rng),
            "org_other": rng.choice(others).name if others else orgs[0].name,
            "directive": rng.choice(DIRECTIVES),
            "site": rng.choice(PLACES),
        }
        context["event"] = fill(rng, rng.choice(topic["events"]), context)
        context["event_short"] = short_event(context["event"])
        title, slug, context = self.unique_title(topic, context)
        body, words = self.body(topic, category, context, moment)
        meta = self.front_matter(category, orgs, topic, title, moment, body)
        syntax_yaml = rng.random() < YAML_SHARE
        text = render(meta, body, syntax_yaml, format_date(rng, moment, syntax_yaml))
        return Article(slug, moment.year, text, words, meta)

    def unique_title(self, topic, context):
        rng = self.rng
        for attempt in range(40):
            if attempt >= 5:  # another subject
                event = fill(rng, rng.choice(topic["events"]), context)
                context = dict(context, event=event, event_short=short_event(event))
            titles = topic["titles"]
            if "ấp " in context["event"]:  # "… ấp Bàu Sen tại ấp Bàu Sen"
                titles = [t for t in titles if "{site}" not in t] or titles
            title = fill(rng, rng.choice(titles), context)
            if attempt >= 20:
                title += f" (đợt {attempt - 18})"
            slug = slugify(title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
            if slug not in self.taken:
                self.taken.add(slug)
                return title, slug, context
        raise RuntimeError("no unique title found")

    def body(self, topic, category, context, moment):
        """(Markdown body, prose word count): lead, paragraphs, quotes, 0–3 figures."""
        rng = self.rng
        target = rng.randint(WORDS[0], WORDS[1] - 50)  # a last sentence adds at most ~40 words
        self.decks = {}
        part = "Sáng" if moment.hour < 12 else ("Chiều" if moment.hour < 18 else "Tối")
        if category == "Thông báo":
            lead = fill(rng, "{org_full} thông báo {event} như sau:", context)
        else:
            lead = fill(
                rng,
                rng.choice(
                    [
                        part + " {day}/{month}, {org_full} tổ chức {event}.",
                        part
                        + " {day}/{month}, tại ấp {site}, {org_full} phối hợp với {org_other} tổ chức {event}.",
                        "Ngày {day}/{month}, {org_full} tổ chức {event} với sự tham dự của hơn {n_mid} đại biểu và người dân.",
                    ]
                ),
                context,
            )
            lead += " " + fill(rng, rng.choice(LEAD_TAILS), context)
        blocks = [lead]
        words = len(lead.split())
        if "items" in topic:
            items = [fill(rng, item, context) for item in rng.sample(topic["items"], rng.randint(3, 5))]
            blocks.append("\n".join(f"- {item}" for item in items))
            words += sum(len(item.split()) for item in items)
        quotes = 0
        while words < target:
            if quotes < 2 and rng.random() < 0.15:
                paragraph = fill(rng, self.draw(QUOTES), context)
                quotes += 1
            else:
                sentences = []
                for _ in range(rng.randint(2, 5)):
                    pool = topic["sentences"] if rng.random() < 0.5 else GENERIC
                    sentences.append(fill(rng, self.draw(pool), context))
                    if words + sum(len(s.split()) for s in sentences) >= target:
                        break
                paragraph = " ".join(sentences)
            blocks.append(paragraph)
            words += len(paragraph.split())
        closing = fill(rng, rng.choice(CLOSINGS), context)
        if words + len(closing.split()) <= WORDS[1]:
            blocks.append(closing)
            words += len(closing.split())
        self.figures = self.add_figures(blocks, context, moment)
        return "\n\n".join(blocks) + "\n", words

    def draw(self, templates):
        """The next template of a shuffled deck: no sentence repeats before all were used."""
        deck = self.decks.get(id(templates))
        if not deck:
            deck = self.decks[id(templates)] = list(templates)
            self.rng.shuffle(deck)
        return deck.pop()

    def add_figures(self, blocks, context, moment):
        rng = self.rng
        count = min(rng.choice([0, 0, 1, 1, 1, 2, 2, 3]), len(blocks) - 1)
        pool = self.images_by_year.get(str(moment.year)) or self.images
        positions = sorted(rng.sample(range(1, len(blocks)), count), reverse=True)
        figures = []
        for position in positions:
            image = rng.choice(pool)
            alt = fill(rng, rng.choice(ALTS), context)
            caption = fill(rng, rng.choice(CAPTIONS), context)
            target = image if rng.random() < 0.75 else "{static}/" + image
            blocks.insert(position, f"![{alt}]({target})\n\n/// caption\n{caption}\n///")
            figures.append(image)
        return figures[::-1]

    def front_matter(self, category, orgs, topic, title, moment, body):
        rng = self.rng
        meta = {"title": title, "author": rng.choice(AUTHORS)}
        if self.figures or rng.random() < 0.2:
            roll = rng.random()
            if roll < 0.3:
                meta["photographer"] = meta["author"]
            elif roll < 0.7:
                meta["photographer"] = rng.choice(PHOTOGRAPHERS)
        meta["category"] = category
        meta["organizations"] = [rng.choice([o.short_name, o.short_name, *o.aliases]) for o in orgs]
        tags = rng.sample(topic["tags"], rng.randint(1, 3))
        if rng.random() < 0.3:
            tags.append(f"ấp {rng.choice(PLACES)}")
        meta["tags"] = tags
        if self.figures and rng.random() < 0.7:
            meta["image"] = self.figures[0]
        elif rng.random() < 0.1:
            meta["image"] = rng.choice(self.images)
        if rng.random() < 0.1:
            meta["summary"] = body.split("\n\n", 1)[0].split(". ")[0].rstrip(".:") + "."
        return meta


YAML_SPECIAL = re.compile(r"""[:#\[\]{},&*!|>'"%@`]""")


def yaml_scalar(value):
    if YAML_SPECIAL.search(value) or value[:1] in "-?" or value != value.strip():
        return json.dumps(value, ensure_ascii=False)
    return value


def render(meta, body, yaml_syntax, date):
    order = [
        "title",
        "date",
        "author",
        "photographer",
        "category",
        "organizations",
        "tags",
        "image",
        "summary",
    ]
    values = dict(meta, date=date)
    lines = []
    for key in order:
        if key not in values:
            continue
        value = values[key]
        if yaml_syntax:
            if isinstance(value, list):
                text = "[" + ", ".join(yaml_scalar(v) for v in value) + "]"
            else:
                text = value if key == "date" else yaml_scalar(value)
            lines.append(f"{key}: {text}")
        else:
            text = ", ".join(value) if isinstance(value, list) else value
            lines.append(f"{key.capitalize()}: {text}")
    header = "---\n" + "\n".join(lines) + "\n---\n" if yaml_syntax else "\n".join(lines) + "\n"
    return header + "\n" + body


# --- The corpus ----------------------------------------------------------------------


@dataclass
class Corpus:
    path: Path
    articles: list  # Paths of the article files, in generation order
    words: int


def copy_support_files(source, target):
    """Photos, the organizations registry and the pages: what the plugins and links need."""
    shutil.copytree(source / "images", target / "images")
    shutil.copytree(source / "trang", target / "trang")
    shutil.copy2(source / "organizations.yml", target / "organizations.yml")


def list_images(content):
    return sorted(p.relative_to(content).as_posix() for p in (content / "images").rglob("*.jpg"))


def write_article(content, article):
    path = content / "bai-viet" / str(article.year) / f"{article.slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article.text, encoding="utf-8")
    return path


def generate(target_dir, count, seed=2026, source=SOURCE_CONTENT):
    """Write ``count`` articles (and the support files) into the new folder ``target_dir``."""
    target = Path(target_dir)
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    source = Path(source)
    copy_support_files(source, target)
    rng = random.Random(seed)
    maker = ArticleMaker(
        rng, load_categories(), load_organizations(target / "organizations.yml"), list_images(target)
    )
    paths, words = [], 0
    for _ in range(count):
        article = maker.make()
        paths.append(write_article(target, article))
        words += article.words
    return Corpus(target, paths, words)


def add_article(target_dir, seed=2026, moment=None):
    """Write one more article into an existing corpus (the newest one by default); return its path."""
    target = Path(target_dir)
    taken = [p.stem for p in (target / "bai-viet").rglob("*.md")]
    rng = random.Random(f"{seed}:extra:{len(taken)}")
    maker = ArticleMaker(
        rng, load_categories(), load_organizations(target / "organizations.yml"), list_images(target), taken
    )
    moment = moment or datetime.datetime(END.year, END.month, END.day, 20, 55)
    return write_article(target, maker.make(moment))


def edit_article(path):
    """Append a sentence to the last paragraph of an article's body (not its lead)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text} {EDIT_SENTENCE}\n", encoding="utf-8")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", help="new content folder to create")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = generate(args.target, args.count, args.seed)
    print(
        f"{len(corpus.articles)} articles, {corpus.words:,} words in {corpus.path} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
