// Name and street data for the generator: common Indonesian given names, second names that work
// like family names, Batak clan names (marga, passed from father to children) and Jakarta-style
// street names. Many Indonesians carry a single name, so second names are optional.

export const MALE_GIVEN_NAMES: readonly string[] = [
  'Abdul', 'Adi', 'Aditya', 'Agus', 'Ahmad', 'Akbar', 'Alif', 'Andi', 'Andika', 'Anton', 'Arief', 'Arif',
  'Aris', 'Bagus', 'Bambang', 'Bayu', 'Benny', 'Budi', 'Cahyo', 'Dani', 'Darmawan', 'Dedi', 'Deni', 'Dimas',
  'Dodi', 'Eko', 'Endang', 'Erwin', 'Fajar', 'Fauzi', 'Ferry', 'Firman', 'Gilang', 'Gunawan', 'Hadi',
  'Hendra', 'Hendro', 'Heri', 'Iwan', 'Ilham', 'Imam', 'Indra', 'Irfan', 'Joko', 'Juanda', 'Kurniawan',
  'Lukman', 'Made', 'Mahmud', 'Muhammad', 'Mulyadi', 'Nanang', 'Nugroho', 'Nur', 'Oki', 'Purnomo',
  'Putra', 'Rahmat', 'Raden', 'Rian', 'Ridwan', 'Rizky', 'Robby', 'Rudi', 'Rully', 'Sahrul', 'Slamet',
  'Sony', 'Subagyo', 'Sugeng', 'Sukirman', 'Supardi', 'Suparman', 'Supriyadi', 'Surya', 'Syaiful',
  'Taufik', 'Teguh', 'Tono', 'Tri', 'Udin', 'Wahyu', 'Wawan', 'Wibowo', 'Yanto', 'Yogi', 'Yudi', 'Yusuf',
  'Zainal', 'Zulkifli', 'Arya', 'Bima', 'Daffa', 'Fadli', 'Galih', 'Hafiz', 'Haris', 'Jefri', 'Kevin',
  'Rafi', 'Reza', 'Satria', 'Sutrisno', 'Umar', 'Wahid', 'Yoga', 'Bonar', 'Poltak', 'Maruli', 'Hotman',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Ade', 'Aisyah', 'Ani', 'Anisa', 'Annisa', 'Ayu', 'Bunga', 'Cindy', 'Citra', 'Dewi', 'Dian', 'Dina',
  'Eka', 'Endah', 'Erna', 'Evi', 'Fitri', 'Fitriani', 'Hana', 'Hartini', 'Ida', 'Indah', 'Intan', 'Irma',
  'Kartika', 'Lestari', 'Lia', 'Lina', 'Lusi', 'Maya', 'Mega', 'Melati', 'Mira', 'Nabila', 'Nadia',
  'Nia', 'Nina', 'Novi', 'Nur', 'Nurhayati', 'Nuraini', 'Putri', 'Rahma', 'Ratna', 'Rina', 'Rini',
  'Rita', 'Rosita', 'Sari', 'Siti', 'Sri', 'Suci', 'Sulastri', 'Sumiati', 'Susi', 'Tari', 'Tika', 'Tini',
  'Tuti', 'Umi', 'Wati', 'Widya', 'Winda', 'Wulan', 'Yani', 'Yanti', 'Yuli', 'Yulia', 'Yuni', 'Zahra',
  'Aminah', 'Asih', 'Dinda', 'Eni', 'Fatimah', 'Hesti', 'Ika', 'Khadijah', 'Laras', 'Marlina', 'Murni',
  'Nurul', 'Puspa', 'Rani', 'Ratih', 'Salsabila', 'Sinta', 'Suharti', 'Sumarni', 'Tiara', 'Vina',
  'Wahyuni', 'Yohana', 'Rosmawati', 'Juliana', 'Margaretha', 'Tiurma', 'Romauli', 'Kezia', 'Keisha',
];

export const MALE_SECOND_NAMES: readonly string[] = [
  'Saputra', 'Pratama', 'Setiawan', 'Hidayat', 'Santoso', 'Wijaya', 'Kusuma', 'Gunawan', 'Nugraha',
  'Hakim', 'Rahman', 'Firmansyah', 'Ramadhan', 'Hermawan', 'Susanto', 'Prasetyo', 'Wibisono', 'Siswanto',
  'Kurniawan', 'Permana', 'Suryadi', 'Maulana', 'Hidayatullah', 'Syahputra', 'Utomo', 'Wahyudi',
  'Purnama', 'Sanjaya', 'Irawan', 'Fauzan', 'Hasan', 'Husain', 'Iskandar', 'Halim', 'Mahendra',
  'Nasrullah', 'Rachmat', 'Subekti', 'Sudrajat', 'Supriatna', 'Yulianto', 'Hamzah', 'Effendi',
  'Budiman', 'Darmadi', 'Haryanto', 'Mulyono', 'Sutanto', 'Zakaria', 'Kartono',
];

export const FEMALE_SECOND_NAMES: readonly string[] = [
  'Sari', 'Lestari', 'Rahayu', 'Handayani', 'Susanti', 'Puspita', 'Anggraini', 'Pertiwi', 'Wulandari',
  'Ningsih', 'Kurniasih', 'Permatasari', 'Safitri', 'Maharani', 'Purnamasari', 'Rahmawati', 'Hidayati',
  'Utami', 'Damayanti', 'Setyaningsih', 'Novitasari', 'Oktaviani', 'Fitriyani', 'Indriani', 'Yuliana',
  'Agustina', 'Amelia', 'Andriani', 'Ramadhani', 'Nurjanah', 'Kusumawati', 'Wijayanti', 'Astuti',
  'Sulistyowati', 'Apriliani', 'Febriani', 'Mulyani', 'Paramitha', 'Aprilia', 'Lestiani',
];

/** Batak clan names: the father's marga is carried by his children. */
export const MARGA: readonly string[] = [
  'Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitompul', 'Hutagalung', 'Panjaitan',
  'Simatupang', 'Situmorang', 'Sinaga', 'Pardede', 'Manurung', 'Tambunan', 'Sihombing', 'Napitupulu',
  'Hutapea', 'Silalahi', 'Pasaribu', 'Purba', 'Damanik', 'Ginting', 'Tarigan', 'Sembiring', 'Batubara',
  'Simbolon', 'Marpaung', 'Sitorus', 'Tampubolon', 'Rajagukguk',
];

export const STREET_NAMES: readonly string[] = [
  'Kebon Jeruk', 'Mangga Besar', 'Kramat Raya', 'Salemba Raya', 'Matraman Raya', 'Pramuka',
  'Cempaka Putih Tengah', 'Kemayoran Gempol', 'Pasar Baru Timur', 'Gunung Sahari', 'Pangeran Jayakarta',
  'Hayam Wuruk', 'Gajah Mada', 'Tanah Abang II', 'KH Mas Mansyur', 'Karet Pasar Baru', 'Bendungan Hilir',
  'Palmerah Barat', 'Kemanggisan Raya', 'Daan Mogot', 'Tanjung Duren Raya', 'Kedoya Raya', 'Meruya Ilir',
  'Kembangan Raya', 'Peta Selatan', 'Kamal Raya', 'Cengkareng Raya', 'Tambora', 'Jembatan Besi',
  'Krendang', 'Pluit Raya', 'Muara Baru', 'Yos Sudarso', 'Enggano', 'Plumpang Semper', 'Kebon Bawang',
  'Warakas', 'Koja', 'Cilincing Raya', 'Kalibaru Timur', 'Marunda', 'Pademangan Raya', 'Boulevard Raya',
  'Tebet Barat', 'Tebet Timur Dalam', 'Casablanca', 'Menteng Dalam', 'Mampang Prapatan', 'Kapten Tendean',
  'Buncit Raya', 'Ragunan', 'Pasar Minggu', 'Kalibata Raya', 'Pancoran Barat', 'Duren Tiga',
  'Kebayoran Lama', 'Ciledug Raya', 'Pesanggrahan', 'Bintaro Permai', 'Cilandak KKO', 'Fatmawati',
  'Jagakarsa', 'Moh Kahfi', 'Lenteng Agung', 'Srengseng Sawah', 'Otista Raya', 'Jatinegara Barat',
  'Cipinang Jaya', 'Kayu Manis', 'Pulogadung', 'Pemuda', 'Rawamangun Muka', 'Pondok Kopi', 'Klender',
  'Duren Sawit', 'Pondok Bambu', 'Kalimalang', 'Cakung Barat', 'Penggilingan', 'Kramat Jati',
  'Condet Raya', 'Bambu Apus', 'Ciracas', 'Kelapa Dua Wetan', 'Pasar Rebo', 'Kalisari', 'Cipayung',
  'Setu', 'Makasar', 'Halim Perdanakusuma', 'Melati', 'Mawar', 'Kenanga', 'Anggrek', 'Flamboyan',
  'Masjid', 'Musholla', 'Swadaya', 'Kampung Bali', 'Rawa Belong', 'Kemuning', 'Teratai', 'Delima',
];

/** Street names on the islands of Kepulauan Seribu. */
export const ISLAND_STREET_NAMES: readonly string[] = [
  'Dermaga', 'Pantai', 'Lingkar Pulau', 'Nelayan', 'Bahari', 'Pelabuhan', 'Karang', 'Kerapu',
];
